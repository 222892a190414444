using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>Runs the release steps in order; the first that fails (or cannot start) stops the run before any server starts.</summary>
internal static class ReleaseRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<ReleaseStep> steps, string contentRoot, ILoggerFactory loggers, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            LaunchPlan plan;
            ServerProcess process;
            try
            {
                plan = LaunchPlanner.PlanRelease(step, contentRoot);
                process = ServerProcess.Start(plan, loggers.CreateLogger("ProdServer.Release." + step.Name));
            }
            catch (ServerLaunchException ex)
            {
                await error.WriteLineAsync(ex.Message + " Nothing was started.").ConfigureAwait(false);
                return ExitCodes.InvalidConfiguration;
            }

            await using (process.ConfigureAwait(false))
            {
                int code;
                using (cancellationToken.Register(static p => _ = ((ServerProcess)p!).StopAsync(ProcessDefinition.DefaultStopTimeout), process))
                {
                    code = await process.Exited.ConfigureAwait(false);
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    await error.WriteLineAsync($"Release step '{step.Name}' was interrupted; nothing was started.").ConfigureAwait(false);
                    return code == 0 ? ExitCodes.InvalidConfiguration : code;
                }

                if (code != 0)
                {
                    await error.WriteLineAsync(
                        $"Release step '{step.Name}' failed with exit code {code}: {plan.DisplayCommandLine}. Nothing was started.\n{process.RecentErrorOutput}").ConfigureAwait(false);
                    return code;
                }
            }
        }

        return ExitCodes.Ok;
    }
}
