using System.Collections.Generic;
using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProdServer.Config;

namespace Microsoft.Extensions.Hosting;

/// <summary>The entry point that runs the processes declared with <c>AddProdServer</c>.</summary>
public static class ProdServerHostExtensions
{
    /// <summary>
    /// Runs the process(es) named in <paramref name="args"/> (default: the first declared) until the server exits or the
    /// host is stopped (Ctrl+C, SIGTERM), or answers <c>--list</c>, <c>--dry-run</c> and <c>--help</c> without starting anything.
    /// </summary>
    /// <param name="host">The built host; it is disposed when the run ends.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code: 0 ok, 1 invalid configuration or failed start, 2 usage error, else the server's own code.</returns>
    public static Task<int> RunProdServerAsync(this IHost host, string[] args, CancellationToken cancellationToken = default) =>
        RunHostAsync(host, args, null, null, cancellationToken);

    /// <summary>
    /// Builds the host and runs the process(es) named in <paramref name="args"/>, starting each server first: when the
    /// command line and the <c>AddProdServer</c> declarations already fix the launch, the server is spawned before the host
    /// is built, and logging, validation and health checks come up while Python imports the app. The full validation still
    /// decides: if it fails, the early server is killed with its process group and the run exits 1 as usual.
    /// When the content root (the current directory) has no appsettings.json, the appsettings*.json copied next to the
    /// program are read instead, so the app started from another directory keeps its configuration.
    /// </summary>
    /// <param name="builder">The application builder, with <c>AddProdServer</c> called on its services.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code: 0 ok, 1 invalid configuration or failed start, 2 usage error, else the server's own code.</returns>
    public static Task<int> RunProdServerAsync(this HostApplicationBuilder builder, string[] args, CancellationToken cancellationToken = default) =>
        RunBuilderAsync(builder, args, null, null, cancellationToken);

    /// <summary>As <see cref="RunProdServerAsync(HostApplicationBuilder, string[], CancellationToken)"/>, writing to the given streams.</summary>
    /// <param name="builder">The application builder, with <c>AddProdServer</c> called on its services.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where <c>--list</c>, <c>--dry-run</c> and <c>--help</c> write.</param>
    /// <param name="error">Where errors are written.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunProdServerAsync(
        this HostApplicationBuilder builder, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return RunBuilderAsync(builder, args, output, error, cancellationToken);
    }

    // output and error null: the console's, and a run's standard output is watched for a reader gone (WatchedStandardOutput).
    private static async Task<int> RunBuilderAsync(
        HostApplicationBuilder builder, string[] args, TextWriter? output, TextWriter? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        AppSettingsFromAppDirectory.Apply(builder, AppContext.BaseDirectory);

        // Parsed once, before the host exists: the overrides enter the configuration the host is built from.
        var commandLine = ProdServerCommandLine.Parse(args);
        CommandLineOverrides.AddTo(builder.Configuration, args);
        if (EnvironmentMismatch(args, builder.Environment) is { } mismatch)
        {
            await (error ?? Console.Error).WriteLineAsync(mismatch).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // A stop signal while the host is still being built must stop the early server gracefully, not kill the launcher.
        var stopSignals = commandLine.Plain ? EarlyStopSignals.Register() : null;
        var early = EarlyLaunch.TryStart(builder, commandLine);
        using var watched = output is null ? WatchedStandardOutput.ForRun(commandLine) : null;
        return await RunAsync(builder, commandLine, early, stopSignals, output ?? Console.Out, error ?? Console.Error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the host, hands it the servers started <paramref name="early"/> (killed when the run ends if no supervisor
    /// adopted them) and the stop signals held since, and runs.
    /// </summary>
    internal static async Task<int> RunAsync(
        HostApplicationBuilder builder, ProdServerCommandLine commandLine, EarlyLaunch? early, EarlyStopSignals? stopSignals,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var launched = early;
        if (early is not null)
        {
            builder.Services.AddSingleton(early);
        }
        else
        {
            stopSignals?.Dispose(); // nothing started early: the host's lifetime handles the signals as usual
            stopSignals = null;
        }

        using var heldSignals = stopSignals;
        if (stopSignals is not null)
        {
            builder.Services.AddSingleton(stopSignals); // the hosted service takes a held SIGHUP from it
        }

        AnswerOnStandardOutput.Apply(builder, commandLine);

        // Disposing the early launch after the run kills any server it started that no supervisor adopted.
        var host = builder.Build();
        StartupTrace.Mark("host-built");
        stopSignals?.HandOver(host.Services.GetRequiredService<IHostApplicationLifetime>());
        return await RunAndDisposeAsync(host, commandLine, output, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="RunProdServerAsync(IHost, string[], CancellationToken)"/>, writing to the given streams (for tests and tools).</summary>
    /// <param name="host">The built host; it is disposed when the run ends.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where <c>--list</c>, <c>--dry-run</c> and <c>--help</c> write.</param>
    /// <param name="error">Where errors are written.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunProdServerAsync(this IHost host, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return RunHostAsync(host, args, output, error, cancellationToken);
    }

    // output and error null: the console's, and a run's standard output is watched for a reader gone (StandardOutputReaderWatch:
    // the host's console logger has the console's stream already, so the lines lost are said but cannot be counted).
    private static async Task<int> RunHostAsync(IHost host, string[] args, TextWriter? output, TextWriter? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(args);

        // The caller built the host from the same arguments: the overrides are set again, as the host's provider misreads some.
        CommandLineOverrides.Reapply(host.Services.GetService<Microsoft.Extensions.Configuration.IConfiguration>(), args);
        if (host.Services.GetService<IHostEnvironment>() is { } environment && EnvironmentMismatch(args, environment) is { } mismatch)
        {
            host.Dispose();
            await (error ?? Console.Error).WriteLineAsync(mismatch).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var commandLine = ProdServerCommandLine.Parse(args);
        AnswerOnStandardOutput.Apply(host.Services, commandLine);
        using var watch = output is null ? StandardOutputReaderWatch.ForRun(commandLine, Console.Error) : null;
        return await RunAndDisposeAsync(host, commandLine, output ?? Console.Out, error ?? Console.Error, cancellationToken).ConfigureAwait(false);
    }

    // Host.CreateApplicationBuilder(args) reads the whole command line, and takes the word after one of our switches as
    // that switch's value (web --dry-run --environment Staging: dry-run = --environment): the host then runs with another
    // environment, content root or name than asked for, reading other settings files. Said, rather than run so.
    private static string? EnvironmentMismatch(IReadOnlyList<string> args, IHostEnvironment environment)
    {
        foreach (var (key, actual, same) in new (string, string, Func<string, bool>)[]
        {
            ("environment", "in " + environment.EnvironmentName, asked => string.Equals(asked, environment.EnvironmentName, StringComparison.OrdinalIgnoreCase)),
            ("contentRoot", "in " + environment.ContentRootPath, asked => PathsEqual(asked, environment.ContentRootPath)),
            ("applicationName", "as " + environment.ApplicationName, asked => string.Equals(asked, environment.ApplicationName, StringComparison.Ordinal)),
        })
        {
            if (HostArguments.Setting(args, key) is { } asked && !same(asked))
            {
                return $"--{key} {Names.Printable(asked)}: the host was created {Names.Printable(actual)}, because its builder read the " +
                    $"command line as its own; create it with ProdServerHost.TryCreateApplicationBuilder(args), or put --{key} first.";
            }
        }

        return null;
    }

    private static bool PathsEqual(string asked, string actual)
    {
        try
        {
            return string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(asked)), Path.TrimEndingDirectorySeparator(actual), StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false; // a path no file system takes (a NUL): not the one the host has
        }
    }

    private static async Task<int> RunAndDisposeAsync(IHost host, ProdServerCommandLine commandLine, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var code = await RunAnsweringAsync(host, commandLine, output, error, cancellationToken).ConfigureAwait(false);
            StartupTrace.Mark("stop-host-stopped");
            Environment.ExitCode = code;
            return code;
        }
        finally
        {
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                host.Dispose();
            }

            StartupTrace.Mark("stop-disposed");
            StartupTrace.Flush();
        }
    }

    // A command's answer that standard output refuses (a full disk, a closed descriptor) is one line and exit 1, not an
    // unhandled exception (see AnswerWriter).
    private static async Task<int> RunAnsweringAsync(IHost host, ProdServerCommandLine commandLine, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(host, commandLine, new AnswerWriter(output), error, cancellationToken).ConfigureAwait(false);
        }
        catch (AnswerNotWrittenException ex)
        {
            try
            {
                await error.WriteLineAsync($"The answer could not be written to standard output: {Names.Printable(ex.Message)}").ConfigureAwait(false);
            }
            catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException)
            {
                // Standard error refuses it too: the exit code alone says it.
            }

            return ExitCodes.InvalidConfiguration;
        }
    }

    private static async Task<int> RunCoreAsync(IHost host, ProdServerCommandLine commandLine, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (commandLine.Help)
        {
            await output.WriteLineAsync(commandLine.HelpText).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (commandLine.Version)
        {
            await output.WriteLineAsync(ProdServerCommandLine.VersionText).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (commandLine.Errors.Count > 0)
        {
            foreach (var problem in commandLine.Errors)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync(commandLine.UsageHint).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (commandLine.Control)
        {
            return await RunControlCommandAsync(host, commandLine.Result!, output, error, cancellationToken).ConfigureAwait(false);
        }

        if (commandLine.Import is { } import)
        {
            var root = host.Services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            return await ImportCommand.RunAsync(
                import, commandLine.ServerOverrides, root, output, error, cancellationToken, () => UnvalidatedOptions.DeclaredInCode(host.Services)).ConfigureAwait(false);
        }

        EnvironmentNameNotes.Say(host.Services);
        host.Services.GetRequiredService<ProdServerRunState>().EnvFiles = commandLine.EnvFiles;
        if (commandLine.ServerOverrides.Count > 0)
        {
            if (commandLine.Names.Count > 1 || commandLine.Export)
            {
                await error.WriteLineAsync("Server flags after -- are for one process: name exactly one (for example: web -- --threads=8).").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var run = host.Services.GetRequiredService<ProdServerRunState>();
            run.ServerOverrides = commandLine.ServerOverrides;
            run.OverrideTarget = commandLine.Names.FirstOrDefault();
        }

        host.Services.GetRequiredService<ProdServerRunState>().Scope = ScopeOf(commandLine);
        ProdServerOptions options;
        try
        {
            options = host.Services.GetRequiredService<IOptions<ProdServerOptions>>().Value;
            StartupTrace.Mark("validated");
        }
        catch (OptionsValidationException ex)
        {
            if (host.Services.GetRequiredService<ProdServerRunState>().OverrideErrors is { Count: > 0 } usage)
            {
                return await WriteUsageMistakesAsync(error, ex, usage, commandLine.UsageHint).ConfigureAwait(false);
            }

            await WriteInvalidAsync(error, ex).ConfigureAwait(false);
            var contentRootPath = host.Services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            foreach (var line in commandLine.Check ? await AppFromDjangoSettings.DescribeAsync(host.Services, contentRootPath, cancellationToken).ConfigureAwait(false) : [])
            {
                await error.WriteLineAsync(line).ConfigureAwait(false);
            }

            return ExitCodes.InvalidConfiguration;
        }

        if (commandLine.List)
        {
            await ProcessList.WriteAsync(output, options, host.Services.GetServices<IValidateOptions<ProdServerOptions>>()).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        System.Collections.Generic.IReadOnlyList<ProcessDefinition> selected;
        try
        {
            // --check and export without names act on every process, as --all does; a run or --dry-run on the default one.
            selected = commandLine.All || ((commandLine.Export || commandLine.Check) && commandLine.Names.Count == 0)
                ? options.Processes
                : ProcessSelection.Resolve(options, commandLine.Names);
        }
        catch (UnknownProcessException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var contentRoot = host.Services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        if (commandLine.Export)
        {
            if (host.Services.GetService<IExportCommand>() is not { } export)
            {
                await error.WriteLineAsync(ExportPackageMissing(AppContext.BaseDirectory)).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var environmentName = host.Services.GetService<IHostEnvironment>()?.EnvironmentName ?? Environments.Production;
            return await export.RunAsync(commandLine, selected, [.. options.ReleaseSteps], contentRoot, environmentName, output, error).ConfigureAwait(false);
        }

        // Env files are read here, once, for every kind of run: a restart reuses these values (see EnvFileCache).
        var envFileProblems = LaunchPlanner.ReadEnvFiles(selected, contentRoot);
        if (envFileProblems.Count > 0)
        {
            foreach (var problem in envFileProblems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return ExitCodes.InvalidConfiguration;
        }

        if (commandLine.Manage)
        {
            return await ManageCommand.RunAsync(selected[0], contentRoot, commandLine.ManageArguments, error, cancellationToken).ConfigureAwait(false);
        }

        if (commandLine.DryRun)
        {
            try
            {
                await DryRun.WriteAsync(output, commandLine.Json, commandLine.SkipRelease ? [] : options.ReleaseSteps, commandLine.ReleaseOnly ? [] : selected, contentRoot).ConfigureAwait(false);
            }
            catch (ServerLaunchException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.InvalidConfiguration;
            }

            return ExitCodes.Ok;
        }

        if (commandLine.Check)
        {
            var loggers = host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>();
            var development = host.Services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
            return await CheckCommand.RunAsync(selected, contentRoot, development, loggers, output, error, cancellationToken).ConfigureAwait(false);
        }

        if (!commandLine.SkipRelease && options.ReleaseSteps.Count > 0)
        {
            var loggers = host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>();
            var released = await ReleaseRunner.RunAsync([.. options.ReleaseSteps], contentRoot, loggers, error, cancellationToken).ConfigureAwait(false);
            if (released != ExitCodes.Ok || commandLine.ReleaseOnly)
            {
                return released;
            }
        }

        if (commandLine.ReleaseOnly)
        {
            return ExitCodes.Ok; // no release step declared: nothing to run, and no server is started
        }

        var state = host.Services.GetRequiredService<ProdServerRunState>();
        state.Selected = selected.Select(p => p.Name).ToList();
        state.All = commandLine.All;
        state.DrivenByEntryPoint = true;
        try
        {
            StartupTrace.Mark("host-starting");
            var start = host.StartAsync(cancellationToken);
            if (await Task.WhenAny(start, state.StartFailed).ConfigureAwait(false) != start)
            {
                // A launch error or a start that gave up: one clear line (or the engine's own Critical line), no stack
                // trace, no "Application started". The host's start never completes (see ProdServerHostedService).
                if (await state.StartFailed.ConfigureAwait(false) is { } message)
                {
                    await error.WriteLineAsync(message).ConfigureAwait(false);
                }

                return state.ExitCode != ExitCodes.Ok ? state.ExitCode : ExitCodes.InvalidConfiguration;
            }

            await start.ConfigureAwait(false);
            StartupTrace.Mark("ready"); // the host starts once every process is ready
            StartupTrace.Flush();

            // The process is a launcher and its start-up is over: what only that needed can go (see WorkingSet).
            WorkingSet.TrimAfterStartUp();
        }
        catch (OptionsValidationException ex)
        {
            await WriteInvalidAsync(error, ex).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
        catch (ServerLaunchException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return state.ExitCode;
    }

    // The package is looked for beside the app (where a reference puts its assembly): when it is there, only the call is
    // missing, and naming the package again would send the user to add what they have.
    internal static string ExportPackageMissing(string appDirectory) =>
        File.Exists(Path.Combine(appDirectory, "ProdServer.Config.Export.dll"))
            ? "export needs services.AddProdServerExport() on the host's services (the ProdServer.Config.Export package is referenced, its call is missing; docs/deploy.md)."
            : "export needs the ProdServer.Config.Export package: `dotnet add package ProdServer.Config.Export`, then call services.AddProdServerExport() (docs/deploy.md).";

    // What a command validates: --all, --check and a whole export need every process (--all and the export run them
    // together, so no two may listen on one port; --check checks each as run alone); --list only the section (it states
    // each process's validity itself); a run, --dry-run or an export of names needs those and what they depend on.
    private static ValidationScope ScopeOf(ProdServerCommandLine commandLine) =>
        commandLine.List ? ValidationScope.SectionOnly
        : commandLine.All || (commandLine.Export && commandLine.Names.Count == 0) ? ValidationScope.EverythingTogether
        : commandLine.Check ? ValidationScope.Everything
        : ValidationScope.Of(commandLine.Names);

    // status, restart, tail, …: a client of the running host. The configuration only says where its socket is: it is not
    // validated here, so an invalid one (being edited for a reload) does not stop the client, and the rule warnings the
    // host said at its start are not said again before every answer.
    private static Task<int> RunControlCommandAsync(IHost host, System.CommandLine.ParseResult command, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // The configuration's value first: the binder leaves a refused one unset, which would mean the default socket.
        var configuration = host.Services.GetService<Microsoft.Extensions.Configuration.IConfiguration>();
        var socket = configuration?[ProdServerOptions.SectionName + ":Control:Socket"] ?? UnvalidatedOptions.Of(host.Services).Control.Socket;

        var environment = host.Services.GetService<IHostEnvironment>();
        var application = environment?.ApplicationName ?? "app";
        // Checked as the host checks it: the raw value read past an invalid configuration, and the path made from it or
        // from the default place (a deep XDG_RUNTIME_DIR), which the socket's address could not hold.
        if ((socket is { Length: > 0 } ? ControlSocket.Problem(socket) : null) is { } configured)
        {
            return Refuse($"Control:Socket {configured} ({ProdServerOptions.SectionName}:Control:Socket).");
        }

        var path = ControlSocket.PathFor(socket, application, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());
        if (ControlSocket.Problem(path) is { } resolved)
        {
            return Refuse($"The control socket {resolved}; set ProdServer:Control:Socket to a shorter path.");
        }

        return ControlCommandLine.RunAsync(command, path, application, output, error, cancellationToken);

        async Task<int> Refuse(string line)
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
    }

    // Mistakes in the server flags after -- were typed on the command line: a usage error (exit 2), said after the
    // configuration's own problems if it has any (those under their usual heading), then the usage hint. The binder hands
    // its mistakes over itself (ProdServerRunState.OverrideErrors); they are told apart from the others by that, never by
    // their wording.
    private static async Task<int> WriteUsageMistakesAsync(TextWriter error, OptionsValidationException ex, IReadOnlyList<string> usage, string hint)
    {
        var typed = new HashSet<string>(usage, StringComparer.Ordinal);
        var configuration = ex.Failures.Where(f => !typed.Contains(f)).ToList();
        if (configuration.Count > 0)
        {
            await WriteInvalidAsync(error, configuration).ConfigureAwait(false);
        }

        foreach (var mistake in usage)
        {
            await error.WriteLineAsync(Names.PrintableLine(mistake, 2000)).ConfigureAwait(false);
        }

        await error.WriteLineAsync(hint).ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    private static Task WriteInvalidAsync(TextWriter error, OptionsValidationException ex) => WriteInvalidAsync(error, ex.Failures);

    private static async Task WriteInvalidAsync(TextWriter error, IEnumerable<string> failures)
    {
        await error.WriteLineAsync("ProdServer configuration is invalid:").ConfigureAwait(false);
        foreach (var failure in failures)
        {
            // One line each, whatever a name or value in it holds.
            await error.WriteLineAsync("  " + Names.PrintableLine(failure, 2000)).ConfigureAwait(false);
        }
    }
}
