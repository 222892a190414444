using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// <c>--check</c>: the configuration is already valid when this runs (validation happens first); each process is then
/// planned as for a real start (so a missing command or directory is caught) and the server's own check is run where it
/// has one.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(
        IReadOnlyList<ProcessDefinition> processes, string contentRoot, ILoggerFactory loggers, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var result = ExitCodes.Ok;
        foreach (var process in processes)
        {
            try
            {
                var run = LaunchPlanner.Plan(process, contentRoot);
                foreach (var note in DryRun.Notes(run))
                {
                    // Said before "valid": the server would not run exactly as configured without these.
                    await output.WriteLineAsync($"{process.Name}: {note}").ConfigureAwait(false);
                }

                ServerVersionCheck.Ensure(process, run);
                if (ServerVersionCheck.MissingModule(run) is { } missing)
                {
                    var module = Names.Printable(missing);
                    await error.WriteLineAsync(
                        $"Process '{process.Name}': {Names.PrintablePath(run.Executable)} has no module {module}, which it would run (-m {module}): " +
                        $"install it for that interpreter ({process.Backend.InstallHint}), or set Python or Venv to one that has it " +
                        $"({ProdServerOptions.SectionName}:Processes:{process.Name}:Python).").ConfigureAwait(false);
                    result = ExitCodes.InvalidConfiguration;
                    continue;
                }

                if (process.Backend.CreateCheckPlan(run) is not { } check)
                {
                    await output.WriteLineAsync($"{process.Name}: valid ({process.Backend.Command} has no check of its own)").ConfigureAwait(false);
                    continue;
                }

                await using var server = ServerProcess.Start(check, loggers.CreateLogger("ProdServer.Check." + process.Name));
                using var stop = cancellationToken.Register(static s => _ = ((ServerProcess)s!).StopAsync(System.TimeSpan.Zero), server);
                var code = await server.Exited.ConfigureAwait(false);
                if (code == 0)
                {
                    await output.WriteLineAsync($"{process.Name}: valid, and {check.DisplayCommandLine} passed").ConfigureAwait(false);
                }
                else
                {
                    await error.WriteLineAsync($"Process '{process.Name}': the server's own check failed (exit code {code}): {check.DisplayCommandLine}\n{server.RecentErrorOutput}").ConfigureAwait(false);
                    result = ExitCodes.InvalidConfiguration;
                }
            }
            catch (ServerLaunchException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                result = ExitCodes.InvalidConfiguration;
            }
        }

        return result;
    }
}
