using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// For <c>--check</c> outside Development: Django's own deployment checklist, <c>manage.py check --deploy</c> (DEBUG on,
/// an empty ALLOWED_HOSTS, a weak SECRET_KEY, missing security middleware and HTTPS settings), run for each web server
/// of a Django project — a process whose server serves an app (WSGI or ASGI) and that has a manage.py (in its working
/// directory, or <c>ManagePy</c>) — with the interpreter, directory and environment the server itself would get. The typed settings
/// cannot see inside the project's settings module; Django can.
/// </summary>
internal static class DjangoDeployCheck
{
    // Importing a project and running its checks takes seconds; a project that hangs on import is not waited for longer.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // What is kept of the check's output: Django's whole report of a real project is a few kilobytes.
    private const int MaxOutput = 64 * 1024;

    /// <summary>The check's plan for <paramref name="process"/>, or <see langword="null"/> when it is not a web server of a Django project.</summary>
    /// <param name="process">The process.</param>
    /// <param name="run">The plan that would start its server.</param>
    public static LaunchPlan? For(ProcessDefinition process, LaunchPlan run)
    {
        return RuleBackends.Find(process.Backend.Name)?.AppInterface is null ? null : ManagePyLaunch.For(process, run, ["check", "--deploy"], out _);
    }

    /// <summary>What makes two checks the same check: one project, settings and interpreter are checked once.</summary>
    public static string Key(LaunchPlan check) =>
        string.Join('\0', check.Executable, check.WorkingDirectory, check.Environment.GetValueOrDefault("DJANGO_SETTINGS_MODULE") ?? "",
            check.FileEnvironment.GetValueOrDefault("DJANGO_SETTINGS_MODULE") ?? "");

    /// <summary>Runs <paramref name="check"/>: its exit code and the issues it reported (one line each), or <see langword="null"/> when it could not run or finish in time.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Issues)?> RunAsync(LaunchPlan check, CancellationToken cancellationToken)
    {
        var info = PlanStartInfo.For(check, check.Executable, check.Arguments);
        // What the settings start carries the tag, so that what they leave running is stopped once Django has exited,
        // as the import does (SettingsHelpers): a helper holding the pipes kept the reads below waiting for their bound.
        var startedFrom = Descendants.StartTimeFloor();
        var tag = Descendants.NewTag();
        info.Environment[Descendants.TagVariable] = tag;
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var pipes = SettingsHelpers.PipesOf(process);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            // Django writes its report to stderr; stdout is drained so the child never blocks on a full pipe.
            var report = BoundedText.ReadAsync(process.StandardError, MaxOutput, stopAtLimit: false, timeout.Token);
            var rest = BoundedText.ReadAsync(process.StandardOutput, MaxOutput, stopAtLimit: false, timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                _ = await SettingsHelpers.StopAsync(tag, process.Id, startedFrom, pipes).ConfigureAwait(false);
                var text = (await report.ConfigureAwait(false)).Text + "\n" + (await rest.ConfigureAwait(false)).Text;
                return (process.ExitCode, Issues(text));
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                _ = await SettingsHelpers.StopAsync(tag, process.Id, startedFrom, pipes).ConfigureAwait(false);
                await Ended(report, rest).ConfigureAwait(false); // cancelled too: nothing is left reading after this returns
                return null;
            }
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    // Waits for the two reads, which the same cancellation has stopped, and takes their cancellation as their end.
    private static async Task Ended(params Task[] reads)
    {
        try
        {
            await Task.WhenAll(reads).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The lines of Django's report (<c>?: (security.W004) You have not set …</c>; for a project that fails to load, its
    /// traceback), without its headings and summary; each made printable, since a project's settings choose them.
    /// </summary>
    internal static IReadOnlyList<string> Issues(string report) =>
        report.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Trim().Length > 0 && l is not ("System check identified some issues:" or "WARNINGS:" or "ERRORS:" or "INFOS:" or "DEBUGS:" or "CRITICALS:")
                && !l.StartsWith("System check identified ", StringComparison.Ordinal))
            .Select(l => Names.Printable(l, 1000))
            .ToList();
}
