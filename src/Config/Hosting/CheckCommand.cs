using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// <c>--check</c>: the configuration is already valid when this runs (validation happens first); each process is then
/// planned as for a real start (so a missing command or directory is caught) and the server's own check is run where it
/// has one; outside Development, a Django project's web servers also get Django's deployment checklist
/// (<see cref="DjangoDeployCheck"/>), once per project.
/// </summary>
internal static class CheckCommand
{
    // How many lines of a failed deployment check are shown: the end of a traceback says what went wrong.
    private const int FailureLines = 8;

    public static async Task<int> RunAsync(
        IReadOnlyList<ProcessDefinition> processes, string contentRoot, bool development, ILoggerFactory loggers, TextWriter output, TextWriter error,
        CancellationToken cancellationToken, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var result = ExitCodes.Ok;
        var projectsChecked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            try
            {
                var run = LaunchPlanner.PlanStart(process, contentRoot);
                foreach (var note in DryRun.Notes(run))
                {
                    // Said before "valid": the server would not run exactly as configured without these.
                    await output.WriteLineAsync($"{process.Name}: {note}").ConfigureAwait(false);
                }

                ServerVersionCheck.Ensure(process, run);
                if (ServerVersionCheck.MissingModule(run) is { } missing)
                {
                    var module = Names.Printable(missing);
                    var other = ServerVersionCheck.InterpreterWith(run, missing) is { } found ? ServerVersionCheck.UseInterpreter(found) : string.Empty;
                    await error.WriteLineAsync(
                        $"Process '{process.Name}': {Names.PrintablePath(run.Executable)} has no module {module}, which it would run (-m {module}): " +
                        $"install it for that interpreter ({process.Backend.InstallHint}), or set Python or Venv to one that has it " +
                        $"({ProdServerOptions.SectionName}:Processes:{process.Name}:Python){other}.").ConfigureAwait(false);
                    result = ExitCodes.InvalidConfiguration;
                    continue;
                }

                if (!await ServerCheckAsync(process, run, loggers, output, error, time, cancellationToken).ConfigureAwait(false))
                {
                    result = ExitCodes.InvalidConfiguration;
                }

                if (!development && DjangoDeployCheck.For(process, run) is { } deploy && projectsChecked.Add(DjangoDeployCheck.Key(deploy))
                    && !await DeployCheckAsync(process, deploy, output, error, cancellationToken).ConfigureAwait(false))
                {
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

    // The server's own check where it has one (gunicorn --check-config, manage.py check): whether it passed.
    private static async Task<bool> ServerCheckAsync(
        ProcessDefinition process, LaunchPlan run, ILoggerFactory loggers, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var own = process.Backend.CreateCheckPlan(process, run);
        if ((own ?? AppImportCheck.For(process, run)) is not { } check)
        {
            await output.WriteLineAsync($"{process.Name}: valid ({process.Backend.Command} has no check of its own)").ConfigureAwait(false);
            return true;
        }

        await using var server = ServerProcess.Start(check, new CheckRunLogger(loggers.CreateLogger("ProdServer.Check." + process.Name)));
        using var stop = cancellationToken.Register(static s => _ = ((ServerProcess)s!).StopAsync(TimeSpan.Zero), server);
        var what = own is not null ? "the server's own check" : $"importing the app {Quoted.Value(process.App)} with the server's Python";
        // A check script is shown as the command it wraps (manage.py check), not as its Python.
        var shown = DjangoCommandCheck.Shown(check) ?? GunicornCheck.Shown(check, process.Backend.PythonEntryPoint ?? "") ?? check.DisplayCommandLine;
        // Bounded by as long as a start may take to be ready: an app whose import waits for a database or a lock must
        // not hang a deploy script's --check.
        var limit = process.Readiness.Timeout + process.StartSeconds;
        using var deadline = new Deadline(limit, time, cancellationToken);
        if (await Task.WhenAny(server.Exited, deadline.Passed).ConfigureAwait(false) != server.Exited)
        {
            await server.StopAsync(TimeSpan.Zero).ConfigureAwait(false);
            if (!cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync(
                    $"Process '{process.Name}': {what} did not finish within {limit.TotalSeconds:0.#} s (Readiness:Timeout + StartSeconds, as long as a start may take) and was stopped: {shown}").ConfigureAwait(false);
            }

            return false;
        }

        var code = await server.Exited.ConfigureAwait(false);
        if (code != 0)
        {
            // What the check's script found (a command manage.py lacks, a class that does not import): one line each.
            var findings = CheckFindings.Messages(process, check, server.RecentErrorOutput);
            if (findings.Count > 0)
            {
                foreach (var finding in findings)
                {
                    await error.WriteLineAsync(finding).ConfigureAwait(false);
                }

                return false;
            }

            await error.WriteLineAsync($"Process '{process.Name}': {what} failed (exit code {code}): {shown}\n{server.RecentErrorOutput}").ConfigureAwait(false);
            await WriteHintAsync(process, server.FailureReason(), error).ConfigureAwait(false);
            return false;
        }

        await output.WriteLineAsync(own is not null
            ? $"{process.Name}: valid, and {shown} passed{Imported(process, check)}"
            : $"{process.Name}: valid, and the app {Quoted.Value(process.App)} imports with the server's Python{Required(process)} ({process.Backend.Command} has no check of its own)").ConfigureAwait(false);
        return true;
    }

    // What the check asked besides the server's own check, said after "passed".
    private static string Imported(ProcessDefinition process, LaunchPlan check)
    {
        var backend = process.Backend;
        var names = backend.GetImportedNames(process);
        var imported = names.Count == 0 ? "" : $", and {string.Join(", ", names.Select(n => n.Key))} imported";
        var plugin = backend.PluginCommand is { } command ? $", and {backend.Command} has the command '{command}'" : "";
        return DjangoCommandCheck.Shown(check) is null ? plugin + imported : $", and manage.py has the command '{backend.Command}'{imported}";
    }

    // The modules imported with the app, said after it.
    private static string Required(ProcessDefinition process) =>
        process.Backend.GetRequiredModules(process) is { Count: > 0 } modules ? $", as do {string.Join(", ", modules.Select(m => m.Name))}" : "";

    // What to change when the failure quoted above is a module Python could not import (the start's hint, as a sentence).
    private static async Task WriteHintAsync(ProcessDefinition process, string? failure, TextWriter error)
    {
        if (failure is not null && StartFailureHint.Sentence(process, failure.Trim()) is { } hint)
        {
            await error.WriteLineAsync($"Process '{process.Name}': {hint}.").ConfigureAwait(false);
        }
    }

    // Issues are warnings (Django exits 0 and the server would start): said, one line each. A check that fails (an error
    // issue, settings that do not load) fails --check, as the server's own check does.
    private static async Task<bool> DeployCheckAsync(ProcessDefinition process, LaunchPlan deploy, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var name = process.Name;
        var command = deploy.DisplayCommandLine;
        if (await DjangoDeployCheck.RunAsync(deploy, cancellationToken).ConfigureAwait(false) is not var (code, issues))
        {
            await output.WriteLineAsync($"{name}: Django's deployment checklist ({command}) could not run or did not finish in time; run it yourself").ConfigureAwait(false);
            return true;
        }

        if (code != 0)
        {
            await error.WriteLineAsync($"Process '{name}': Django's deployment checklist failed (exit code {code}): {command}\n{string.Join('\n', issues.TakeLast(FailureLines))}").ConfigureAwait(false);
            await WriteHintAsync(process, issues.LastOrDefault(i => !string.IsNullOrWhiteSpace(i)), error).ConfigureAwait(false);
            return false;
        }

        await output.WriteLineAsync(issues.Count == 0
            ? $"{name}: Django's deployment checklist ({command}) found nothing"
            : $"{name}: Django's deployment checklist ({command}) says, before this project serves the public:").ConfigureAwait(false);
        foreach (var issue in issues)
        {
            await output.WriteLineAsync($"{name}:   {issue}").ConfigureAwait(false);
        }

        return true;
    }
}
