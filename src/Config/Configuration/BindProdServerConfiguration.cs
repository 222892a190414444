using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// Applies the <c>ProdServer</c> configuration section after every code configuration, so configuration wins, and then the
/// server flags given after <c>--</c>, which win over both.
/// </summary>
internal sealed class BindProdServerConfiguration : IPostConfigureOptions<ProdServerOptions>
{
    private readonly IConfiguration? _configuration;
    private readonly ProdServerRunState? _run;
    private readonly ILogger? _logger;
    private readonly bool _isDevelopment;
    private readonly SaidOnce _said = new();

    public BindProdServerConfiguration(
        IConfiguration? configuration = null, ProdServerRunState? run = null, ILoggerFactory? loggers = null, IHostEnvironment? environment = null)
    {
        _configuration = configuration;
        _run = run;
        _logger = loggers?.CreateLogger("ProdServer.Configuration");
        _isDevelopment = environment?.IsDevelopment() == true;
    }

    // A process key a typo away from a declared process that binds to no process (ProdServer__Processes__wbe__Args__Threads=8:
    // no Backend, so nothing is declared) and is not run: its settings would apply to nothing, silently, since a command
    // validates only what it runs. Said as a warning, with the process meant.
    private void WarnOfNearMisses(ProdServerOptions options)
    {
        if (_logger is null || options.ProcessBindingErrors.Count == 0)
        {
            return;
        }

        var inScope = (_run?.Scope ?? ValidationScope.Everything).Select(options);
        foreach (var key in options.ProcessBindingErrors.Keys)
        {
            if (options.Find(key) is null && !inScope.Contains(key)
                && Suggestions.Closest(key, options.Processes.Select(p => p.Name)) is { } meant
                && _said.First("near-miss " + key))
            {
                Log.ConfigurationNote(_logger, Names.Printable(key),
                    $"{ProdServerOptions.SectionName}:Processes:{Names.Printable(key)} declares no process and sets nothing that runs (did you mean '{Names.Printable(meant)}'?); --list shows what it lacks.");
            }
        }
    }

    public void PostConfigure(string? name, ProdServerOptions options)
    {
        if (_configuration is not null)
        {
            ProdServerConfigurationBinder.Bind(_configuration.GetSection(ProdServerOptions.SectionName), options, WrittenOrder.ProcessNames(_configuration), _isDevelopment);
        }

        WarnOfNearMisses(options);

        foreach (var note in options.BindingNotes)
        {
            if (_logger is not null && _said.First(note))
            {
                // A process name or value from configuration may hold a newline or an escape: one log line whatever it holds.
                Log.Note(_logger, "ProdServer", Names.Printable(note, 2000));
            }
        }

        foreach (var (process, warning, inDevelopment) in options.BindingWarnings)
        {
            if (_logger is null || !_said.First(warning))
            {
                continue;
            }

            if (_isDevelopment)
            {
                Log.Note(_logger, Names.Printable(process), Names.Printable(inDevelopment, 2000));
            }
            else
            {
                Log.ConfigurationNote(_logger, Names.Printable(process), Names.Printable(warning, 2000));
            }
        }

        foreach (var process in options.Processes)
        {
            foreach (var file in _run?.EnvFiles ?? [])
            {
                process.EnvFiles.Add(file);
            }
        }

        // Flags after "--" come last of all: on the command line, the user's word wins.
        if (_run is { ServerOverrides.Count: > 0 })
        {
            _run.OverrideErrors = ServerOverrideBinder.Apply(options, _run.OverrideTarget, _run.ServerOverrides);
        }
    }
}
