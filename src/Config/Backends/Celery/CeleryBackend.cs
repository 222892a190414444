using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// Runs a celery subcommand as <c>python -m celery --app=APP [global options] SUBCOMMAND [options]</c>.
/// <list type="bullet">
/// <item><c>python -m celery</c>, not the <c>celery</c> script: Debian's <c>/usr/bin/celery</c> is a shell wrapper that runs
/// whichever <c>python3</c> comes first on <c>PATH</c>, which need not be the one celery is installed for.</item>
/// <item>The app and the other global options go before the subcommand word; since celery 5.0, <c>-A</c> after it is a usage
/// error (exit 2).</item>
/// </list>
/// </summary>
/// <typeparam name="TArgs">The subcommand's args record, which inherits the global options from <see cref="CeleryCommandArgs"/>.</typeparam>
internal abstract class CeleryBackend<TArgs> : ServerBackend<TArgs>
    where TArgs : CeleryCommandArgs, IServerArgs, new()
{
    // Variables celery reads as option values. Its click group has auto_envvar_prefix="CELERY", so besides the explicit
    // names (APP, BROKER_URL, …) every global option also reads CELERY_<OPTION> (checked on celery 5.2.6 / click 8.1.3:
    // CELERY_BROKER=x sets --broker), and each subcommand reads CELERY_<SUBCOMMAND>_<OPTION>.
    private static readonly string[] GlobalVariables =
    [
        "APP", "BROKER_URL", "RESULT_BACKEND", "LOADER", "CONFIG_MODULE", "NO_COLOR", "SKIP_CHECKS",
        "CELERY_APP", "CELERY_BROKER", "CELERY_RESULT_BACKEND", "CELERY_LOADER", "CELERY_CONFIG", "CELERY_WORKDIR",
        "CELERY_NO_COLOR", "CELERY_QUIET", "CELERY_VERSION", "CELERY_SKIP_CHECKS",
    ];

    // --check's stand-in for the subcommand: celery's own command group (so --app and every global option are handled as the
    // server handles them) with one more command that imports the modules a worker imports at start, then each name the
    // settings make the subcommand import (a beat's scheduler, flower's auth provider) and each of the app's settings given
    // with --setting (beat_scheduler, when no scheduler is set), as celery resolves them: symbol_by_name, with the
    // scheduler aliases installed packages declare. A name that does not import is one line, as DjangoCommandCheck's
    // (prodserver-check: name INDEX Type: message, or setting NAME Type: message), and exit 1. A subcommand another
    // package adds (--plugin flower) must be among celery's commands, loaded from its entry point as celery loads it
    // (click_plugins puts a BrokenCommand in place of one whose import fails): else "plugin NAME" (not installed) or
    // "plugin NAME Type: message" (the last line of the traceback celery would print), and the names are not asked,
    // since they are the plugin's and may import it.
    private const string CheckScript =
        "import sys, click\n" +
        "from celery.bin.base import CeleryCommand\n" +
        "from celery.bin.celery import celery\n" +
        "from celery.utils.imports import load_extension_class_names, symbol_by_name\n" +
        "def check(ctx, setting, plugin, names):\n" +
        "    app = ctx.obj.app\n" +
        "    app.loader.import_default_modules()\n" +
        "    aliases = dict(load_extension_class_names('celery.beat_schedulers'))\n" +
        "    found = []\n" +
        "    command = celery.commands.get(plugin) if plugin else None\n" +
        "    if plugin and command is None:\n" +
        "        found.append('plugin ' + plugin); names = ()\n" +
        "    elif type(command).__name__ == 'BrokenCommand':\n" +
        "        found.append('plugin %s %s' % (plugin, ([l.strip() for l in (command.help or '').splitlines() if l.strip()] or ['?'])[-1])); names = ()\n" +
        "    for what, name in [('name %d' % i, n) for i, n in enumerate(names)] + [('setting ' + s, app.conf[s]) for s in setting]:\n" +
        "        try:\n" +
        "            symbol_by_name(name, aliases=aliases)\n" +
        "        except Exception as e:\n" +
        "            found.append('%s %s: %s' % (what, type(e).__name__, ' '.join(str(e).split())))\n" +
        "    for f in found: print('prodserver-check:', f, file=sys.stderr)\n" +
        "    sys.exit(1 if found else 0)\n" +
        "celery.add_command(CeleryCommand(name='prodserver-check', params=[click.Option(['--setting'], multiple=True), click.Option(['--plugin']), click.Argument(['names'], nargs=-1)], callback=click.pass_context(check)))\n" +
        "sys.exit(celery.main(args=sys.argv[1:], prog_name='celery'))\n";

    /// <inheritdoc />
    public sealed override string Command => "celery";

    /// <summary>The subcommand word, <c>worker</c> or <c>beat</c>.</summary>
    public abstract string Subcommand { get; }

    /// <inheritdoc />
    public sealed override LaunchKind LaunchKind => LaunchKind.PythonModule;

    /// <inheritdoc />
    public override string? DistributionName => "celery";

    /// <inheritdoc />
    public override string InstallHint => "apt-get install python3-celery (Debian/Ubuntu) or pip install celery";

    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment =>
        [.. GlobalVariables, "CELERY_" + Subcommand.ToUpperInvariant() + "_*"];

    /// <inheritdoc />
    protected override string MissingAppProblem =>
        $"App is required: the Celery app passed as --app before '{Subcommand}', for example proj or proj.celery:app.";

    /// <inheritdoc />
    public sealed override IReadOnlyList<string> BuildArguments(ProcessDefinition process)
    {
        var args = (TArgs)process.Args;
        var argv = new List<string>();
        ServerArgument.Value(argv, "app", process.App);
        new CeleryGlobalArgs(args).AppendArguments(argv);
        argv.Add(Subcommand);
        AppendSubcommandArguments(argv, (TArgs)args.WithoutGlobalOptions());
        return argv;
    }

    /// <summary>
    /// For <c>--check</c>: celery has no dry check of its own, so this loads the app as the subcommand would (celery's
    /// <c>--app</c> handling, with the same global options, interpreter, directory and environment) and imports the
    /// modules a worker imports at start (the loader's default modules: the settings, <c>imports</c>, Django's
    /// autodiscovered tasks), then exits. A wrong <c>App</c> (exit 2) or a module that fails to import (exit 1) is found
    /// before the server starts; no broker is contacted.
    /// </summary>
    /// <param name="run">The plan that would start the server: <c>python -m celery [global options] SUBCOMMAND …</c>.</param>
    /// <returns>The check's plan.</returns>
    public sealed override LaunchPlan? CreateCheckPlan(LaunchPlan run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var arguments = run.Arguments.ToList();
        var module = arguments.IndexOf("celery"); // after -m; every option before the subcommand is one --name=value word
        var subcommand = module < 0 ? -1 : arguments.IndexOf(Subcommand, module + 1);
        return subcommand < 0 ? null : run with { Arguments = ["-c", CheckScript, .. arguments[(module + 1)..subcommand], "prodserver-check"] };
    }

    /// <summary>
    /// <see cref="CreateCheckPlan(LaunchPlan)"/>, asked also to import the names the subcommand's settings make it import
    /// (<see cref="ServerBackend.GetImportedNames"/>) and the app settings of <see cref="GetImportedSettings"/>.
    /// </summary>
    internal sealed override LaunchPlan? CreateCheckPlan(ProcessDefinition process, LaunchPlan run)
    {
        if (CreateCheckPlan(run) is not { } check || process.Args is not TArgs args)
        {
            return CreateCheckPlan(run);
        }

        // "--" before the names, so that none is read as an option; and only then, so a plain check reads as it did.
        var settings = GetImportedSettings(args).SelectMany(s => new[] { "--setting", s });
        var names = GetImportedNames(process).Select(n => n.Name).ToList();
        string[] plugin = PluginCommand is { } name ? ["--plugin", name] : [];
        return check with { Arguments = [.. check.Arguments, .. plugin, .. settings, .. names.Count == 0 ? names : ["--", .. names]] };
    }

    /// <summary>
    /// The app's settings whose value the subcommand imports at start because nothing configured here overrides them (a
    /// beat's <c>beat_scheduler</c> when <c>Scheduler</c> is unset): <c>--check</c> imports their values too. Default: none.
    /// </summary>
    private protected virtual IEnumerable<string> GetImportedSettings(TArgs args) => [];

    /// <inheritdoc />
    internal override string ImportedSettingSource(string setting) =>
        setting == "beat_scheduler" ? $"{base.ImportedSettingSource(setting)} (Args:Scheduler is not set)" : base.ImportedSettingSource(setting);

    /// <summary>Writes the subcommand's own options; <paramref name="args"/> has its global options cleared already.</summary>
    /// <param name="argv">The argument list, ending with the subcommand word.</param>
    /// <param name="args">The args without global options.</param>
    protected virtual void AppendSubcommandArguments(IList<string> argv, TArgs args) => args.AppendArguments(argv);

    /// <inheritdoc />
    /// <remarks>
    /// The Unix sockets and the subcommand's own files (<see cref="GetSubcommandFiles"/>). celery changes into <c>--workdir</c> before it opens
    /// any, so a relative path is from there; a directory with a <c>%</c> in it may be a placeholder (<c>%n</c>, the node
    /// name) celery fills in per node: <see cref="WrittenFile.Templated"/>.
    /// </remarks>
    internal sealed override IEnumerable<WrittenFile> GetWrittenFiles(ProcessDefinition process)
    {
        if (process.Args is not TArgs args)
        {
            return base.GetWrittenFiles(process);
        }

        var daemon = args as ICeleryDaemonOptions;
        return base.GetWrittenFiles(process)
            .Concat(GetSubcommandFiles(args))
            .Concat(WrittenFile.Set((daemon?.LogFile, nameof(daemon.LogFile))))
            // create_pidlock unlinks a stale pid file and creates it anew with O_EXCL.
            .Concat(WrittenFile.Set((daemon?.PidFile, nameof(daemon.PidFile))).Select(f => f.AsReplaced()))
            .Select(f => f.From(args.Workdir) with { Templated = (Path.GetDirectoryName(f.Path) ?? "").Contains('%', StringComparison.Ordinal) });
    }

    /// <summary>
    /// The files the subcommand writes with <paramref name="args"/>, as configured; its Unix sockets, and the log and pid
    /// files of a worker or beat (<see cref="ICeleryDaemonOptions"/>), are added to them. Default: none.
    /// </summary>
    private protected virtual IEnumerable<WrittenFile> GetSubcommandFiles(TArgs args) => [];

    // module or module:attribute, dotted; celery's find_app also resolves module.attribute, which this admits too.
    /// <inheritdoc />
    protected override string? ValidateApp(string app) =>
        PythonTargetSyntax.IsModuleTarget(app)
            ? null
            : $"App '{app}' must be the Celery app's module or module:attribute, for example proj or proj.celery:app.";
}
