using System;
using System.Collections.Generic;
using System.Linq;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>Runs a process with <c>gunicorn [options] module:object</c>, options before the app target.</summary>
internal sealed partial class GunicornBackend : ServerBackend<GunicornArgs>
{
    /// <summary>How long gunicorn's graceful stop may run past <c>--graceful-timeout</c>: the master reaps its workers and exits.</summary>
    public static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(5);

    /// <summary>gunicorn's own <c>--graceful-timeout</c> default.</summary>
    public static readonly TimeSpan DefaultGracefulTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often the stop signal is repeated (see <see cref="GetStopSignalRepeat"/>): long enough for a worker's boot
    /// to reach its own handler, short against the graceful timeout that a lost signal would cost.</summary>
    public static readonly TimeSpan StopSignalRepeat = TimeSpan.FromSeconds(1);

    // gunicorn's own worker classes by their short names (gunicorn.tsv), each of whose SIGTERM handler only sets
    // alive = False (gtornado's only when still alive; gasgi's through the event loop), checked in 20.1.0 and 26.x.
    private static readonly HashSet<string> BuiltInWorkerClasses =
        new(["sync", "gthread", "gevent", "gevent_wsgi", "gevent_pywsgi", "tornado", "asgi", "eventlet"], StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Name => "Gunicorn";

    /// <inheritdoc />
    /// <remarks>HUP reloads the workers, USR1 reopens the log files, USR2 starts a new master beside the old, TTIN/TTOU add and remove a worker.</remarks>
    public override IReadOnlyList<string> HandledSignals => ["HUP", "USR1", "USR2", "TTIN", "TTOU"];

    /// <inheritdoc />
    public override string Command => "gunicorn";

    /// <inheritdoc />
    public override string InstallHint => "apt-get install gunicorn (Debian/Ubuntu) or pip install gunicorn";

    // What the gunicorn console script runs; run() exits with gunicorn's own code (1 on config and import errors).
    /// <inheritdoc />
    public override string PythonEntryPoint =>
        "import sys; sys.argv[0] = 'gunicorn'; from gunicorn.app.wsgiapp import run; sys.exit(run())";

    /// <inheritdoc />
    public override string? DistributionName => "gunicorn";

    // GUNICORN_CMD_ARGS is parsed as extra options (verified); the others become defaults of --workers, --bind (0.0.0.0:$PORT,
    // which would publish the server on every interface), --forwarded-allow-ips and sendfile when the typed config is silent.
    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment { get; } =
        ["GUNICORN_CMD_ARGS", "WEB_CONCURRENCY", "PORT", "FORWARDED_ALLOW_IPS", "SENDFILE"];

    /// <inheritdoc />
    private protected override void CheckArgs(GunicornArgs args, ArgsProblems found) => GunicornArgsRules.Check(args, found);

    /// <summary>
    /// Without <c>--config</c>, gunicorn loads <c>./gunicorn.conf.py</c> from its working directory when the file exists
    /// (gunicorn.tsv: "./gunicorn.conf.py if present"); its settings apply under the command-line ones.
    /// </summary>
    /// <inheritdoc />
    public override IReadOnlyList<string> GetImplicitConfigFiles(ProcessDefinition process, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(process);
        var file = System.IO.Path.Combine(workingDirectory, "gunicorn.conf.py");
        return process.Args is GunicornArgs { Config: null } && System.IO.File.Exists(file) ? [file] : [];
    }

    /// <summary>
    /// Every second, while gunicorn runs one of its own worker classes and nothing but the typed options configures it:
    /// those workers' SIGTERM handler only marks them as exiting, so a second one is harmless, while a worker forked just
    /// before the first still had its master's handler and lost it (docs/deploy.md#stop-timeouts-nest). Not with a
    /// configuration file (<c>--config</c>; a <c>./gunicorn.conf.py</c> is seen by the planner), <c>--paste</c> or
    /// <c>ExtraArgs</c>, which may name another worker class, nor with a dotted class path: a third-party worker's handler
    /// is not known here, and a second signal may mean "exit now" to it.
    /// </summary>
    /// <inheritdoc />
    public override TimeSpan? GetStopSignalRepeat(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Args is GunicornArgs { Config: null, Paste: null } args
            && args.ExtraArgs is null or { Count: 0 }
            && (args.WorkerClass is null || BuiltInWorkerClasses.Contains(args.WorkerClass))
            ? StopSignalRepeat
            : null;
    }

    /// <summary>
    /// SIGTERM is gunicorn's graceful stop: workers finish their requests for up to <c>--graceful-timeout</c> (30 s by
    /// default) and are then killed by the master, so ProdServer waits that long plus <see cref="StopMargin"/>.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>The graceful timeout plus the margin.</returns>
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var graceful = process.Args is GunicornArgs { GracefulTimeout: { } seconds } ? TimeSpan.FromSeconds(seconds) : DefaultGracefulTimeout;
        return graceful + StopMargin;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> BuildArguments(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var argv = new List<string>();
        process.Args.AppendArguments(argv);

        // With --paste the ini file names the app; gunicorn ignores a positional then, so none is written.
        if (process.App is { } app && process.Args is not GunicornArgs { Paste: not null })
        {
            argv.Add(app);
        }

        return argv;
    }

    // gunicorn --check-config imports the app and checks every setting, then exits 0 or 1 (20.1 and 26.1 alike). Flags may
    // come in any order, so it simply goes first, in front of the typed flags.
    /// <inheritdoc />
    public override LaunchPlan? CreateCheckPlan(LaunchPlan run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var arguments = run.Arguments.ToList();
        var firstFlag = arguments.FindIndex(a => a.StartsWith("--", StringComparison.Ordinal) && a != "-c");
        arguments.Insert(firstFlag < 0 ? arguments.Count : firstFlag, "--check-config");
        return run with { Arguments = arguments };
    }

    // The classes gunicorn's master imports at start, which --check-config does not: the worker class (a dotted path, or a
    // short name whose module may need a package: gevent, tornado) and the logger class, in this order.
    private static readonly (string Setting, string Key)[] ImportedSettings = [("worker_class", "Args:WorkerClass"), ("logger_class", "Args:LoggerClass")];

    /// <inheritdoc />
    internal override IReadOnlyList<ImportedName> GetImportedNames(ProcessDefinition process) =>
        process.Args is GunicornArgs args
            ? [.. new[] { args.WorkerClass, args.LoggerClass }.Zip(ImportedSettings)
                .Where(n => !string.IsNullOrWhiteSpace(n.First)).Select(n => new ImportedName(n.Second.Key, n.First!.Trim()))]
            : [];

    /// <inheritdoc />
    internal override LaunchPlan? CreateCheckPlan(ProcessDefinition process, LaunchPlan run)
    {
        var check = CreateCheckPlan(run);
        if (check is null)
        {
            return null;
        }

        // Both settings are asked for, also when unset here: a configuration file may name the class.
        var names = GetImportedNames(process);
        var settings = ImportedSettings.Select(s => (s.Setting, Index: names.ToList().FindIndex(n => n.Key == s.Key)));
        return GunicornCheck.For(check, PythonEntryPoint, settings) ?? check;
    }

    /// <inheritdoc />
    internal override string ImportedSettingSource(string setting) =>
        ImportedSettings.FirstOrDefault(s => s.Setting == setting) is { Key: { } key }
            ? $"the class the {setting} setting of gunicorn's configuration file names ({key} is not set)"
            : base.ImportedSettingSource(setting);

    /// <inheritdoc />
    public override IReadOnlyList<SettingProblem> Validate(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var problems = base.Validate(process);
        if (process.Args is GunicornArgs { Paste: not null })
        {
            // The paste file names the application, so App is optional (and not written: BuildArguments leaves it out).
            return problems.Where(p => p.Key != "App").ToList();
        }

        return problems;
    }

    /// <summary>The flags gunicorn accepts only from some release on, plus values that changed meaning between releases.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The requirements.</returns>
    public override IReadOnlyList<VersionRequirement> GetVersionRequirements(ProcessDefinition process)
    {
        var requirements = base.GetVersionRequirements(process).ToList();
        if (process.Args is GunicornArgs args)
        {
            if (args.WorkerClass == "asgi")
            {
                requirements.Add(new("Args:WorkerClass", "WorkerClass 'asgi' (--worker-class=asgi)", "24.0.0", null));
            }
            else if (args.WorkerClass == "eventlet")
            {
                requirements.Add(new("Args:WorkerClass", "WorkerClass 'eventlet' (--worker-class=eventlet)", null, "26.0.0"));
            }

            // 20.1.0 has a bare --proxy-protocol switch and rejects a value; the bare flag swallows the next word since 24.1.0.
            if (args.ProxyProtocol is not null)
            {
                requirements.Add(new("Args:ProxyProtocol", "ProxyProtocol (--proxy-protocol=VALUE; older gunicorn takes only the bare switch, which ExtraArgs can pass)", "24.1.0", null));
            }
        }

        return requirements;
    }

    // gunicorn 20.1: module[:expression], where the expression is one name or a call of one with literal arguments (an
    // attribute chain, app.wsgi_app, fails to parse).
    /// <inheritdoc />
    protected override string? ValidateApp(string app) =>
        AppTargets.Accepts(RuleBackends.Gunicorn.AppTargetForm, app)
            ? null
            : $"App '{app}' must be 'module' or 'module:object', the object one name (not an attribute chain such as app.wsgi_app) or a call of one such as create_app(), for example mysite.wsgi:application.";
}
