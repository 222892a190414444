using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// Starts the selected processes with the host and stops them with it. When a server exits on its own the host
/// stops too, and exits with that server's code.
/// </summary>
internal sealed class ProdServerHostedService : IHostedService
{
    private readonly IOptions<ProdServerOptions> _options;
    private readonly ProdServerRunState _state;
    private readonly ILoggerFactory _loggers;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly string _contentRoot;
    private readonly ILogger _logger;
    private readonly List<(ProcessDefinition Definition, ServerProcess Process)> _running = [];

    public ProdServerHostedService(
        IOptions<ProdServerOptions> options,
        ProdServerRunState state,
        ILoggerFactory loggers,
        IHostApplicationLifetime lifetime,
        IHostEnvironment? environment)
    {
        _options = options;
        _state = state;
        _loggers = loggers;
        _lifetime = lifetime;
        _contentRoot = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
        _logger = loggers.CreateLogger("ProdServer");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var selected = ProcessSelection.Resolve(options, _state.Selected);
        try
        {
            foreach (var definition in selected)
            {
                var plan = LaunchPlanner.Plan(definition, _contentRoot);
                ServerVersionCheck.Ensure(definition, plan);
                var logger = _loggers.CreateLogger("ProdServer.Process." + definition.Name);
                var process = ServerProcess.Start(plan, logger);
                _running.Add((definition, process));
                _ = StopHostWhenExitedAsync(process);
            }
        }
        catch (ServerLaunchException ex)
        {
            Log.LaunchFailed(_logger, ex.Message, null);
            _state.ReportExit(1);
            await StopAllAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => StopAllAsync(cancellationToken);

    private async Task StopHostWhenExitedAsync(ServerProcess process)
    {
        var code = await process.Exited.ConfigureAwait(false);
        if (process.StopRequested)
        {
            return;
        }

        // A server that exits on its own ends the run, with its code (a clean exit 0 as well: nothing serves any more).
        _state.ReportExit(code);
        Environment.ExitCode = _state.ExitCode;
        _lifetime.StopApplication();
    }

    private async Task StopAllAsync(CancellationToken cancellationToken)
    {
        var stops = _running.Select(r => StopOneAsync(r.Definition, r.Process, cancellationToken)).ToArray();
        await Task.WhenAll(stops).ConfigureAwait(false);
        _running.Clear();
    }

    private static async Task StopOneAsync(ProcessDefinition definition, ServerProcess process, CancellationToken cancellationToken)
    {
        // Never wait longer than the host allows: its shutdown token fires at ShutdownTimeout.
        var timeout = definition.EffectiveStopTimeout;
        using var registration = cancellationToken.Register(static p => _ = ((ServerProcess)p!).StopAsync(TimeSpan.Zero), process);
        await process.StopAsync(timeout).ConfigureAwait(false);
        await process.DisposeAsync().ConfigureAwait(false);
    }
}
