using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// A server that can run a process: its name in configuration, its command, its typed options and how it is launched.
/// Adding a backend means one <see cref="ServerBackend{TArgs}"/> subclass, its args record, its validator and one line in
/// <see cref="ServerBackends"/>.
/// </summary>
public abstract partial class ServerBackend
{
    /// <summary>The name used in configuration (<c>"Backend": "Waitress"</c>).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// What is run, read per <see cref="LaunchKind"/>: the console script (<c>waitress-serve</c>), the module for
    /// <c>python -m</c> (<c>celery</c>), or the management command for <c>manage.py</c> (<c>db_worker</c>).
    /// </summary>
    public abstract string Command { get; }

    /// <summary>How the server is started. Default <see cref="LaunchKind.ConsoleScript"/>.</summary>
    public virtual LaunchKind LaunchKind => LaunchKind.ConsoleScript;

    /// <summary>
    /// Environment variables that silently feed the server's options (<c>UVICORN_*</c>, <c>GUNICORN_CMD_ARGS</c>), removed
    /// from the child's environment unless the process sets them itself, so the typed configuration is the whole truth.
    /// A name ending in <c>*</c> is a prefix.
    /// </summary>
    public virtual IReadOnlyList<string> ScrubbedEnvironment => [];

    /// <summary>The signal that asks the server to stop gracefully. Default 15 (SIGTERM).</summary>
    public virtual int StopSignal => 15;

    /// <summary>How long a graceful stop may take when the process sets no <see cref="ProcessDefinition.StopTimeout"/>.</summary>
    /// <param name="process">The process, whose args may hold the server's own graceful timeout.</param>
    /// <returns>The timeout; by default <see cref="ProcessDefinition.DefaultStopTimeout"/>.</returns>
    public virtual System.TimeSpan GetDefaultStopTimeout(ProcessDefinition process) => ProcessDefinition.DefaultStopTimeout;

    /// <summary>Where the command comes from, for the message when it is missing.</summary>
    public abstract string InstallHint { get; }

    /// <summary>
    /// For <see cref="LaunchKind.ConsoleScript"/>: Python code that runs the server's entry point with <c>sys.argv[1:]</c> as its
    /// arguments and exits with its return code; used with <c>python -c</c> when an interpreter is configured. When
    /// <see langword="null"/>, <c>python -m &lt;Command&gt;</c> is used instead.
    /// </summary>
    public virtual string? PythonEntryPoint => null;

    /// <summary>
    /// The Python distribution whose installed version <see cref="GetVersionRequirements"/> are checked against
    /// (<c>gunicorn</c>), read with <c>importlib.metadata</c> by the interpreter that runs the server. When
    /// <see langword="null"/> (the default), nothing is checked.
    /// </summary>
    public virtual string? DistributionName => null;

    /// <summary>
    /// The distributions whose version is read, in order, until one is installed: by default only <see cref="DistributionName"/>.
    /// More than one when a server ships under several names that share one release numbering (a fork that continued it).
    /// </summary>
    public virtual IReadOnlyList<string> DistributionNames => DistributionName is { } name ? [name] : [];

    /// <summary>
    /// The server releases the process's settings need. Checked before launch, and only when this is not empty, so a process
    /// without version-limited settings starts without probing anything. By default: the flags written whose
    /// <see cref="FlagAttribute.Since"/>/<see cref="FlagAttribute.Removed"/> are set (<see cref="VersionRequirement.OfWrittenFlags"/>).
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>The requirements.</returns>
    public virtual IReadOnlyList<VersionRequirement> GetVersionRequirements(ProcessDefinition process) =>
        VersionRequirement.OfWrittenFlags(process);

    /// <summary>Creates the backend's options with nothing set (every server default applies).</summary>
    /// <returns>A new args record.</returns>
    public abstract IServerArgs CreateDefaultArgs();

    /// <summary>The TCP ports of <see cref="GetListenEndpoints"/>, once each (for exports such as Compose's <c>ports</c>).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The ports; empty when the server does not listen on TCP or the backend cannot tell.</returns>
    public IReadOnlyList<int> GetPorts(ProcessDefinition process) =>
        System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Select(GetListenEndpoints(process), e => e.Port)));

    /// <summary>
    /// Whether the process's <c>App</c> is a Python <c>module:object</c> the server imports at start (the web servers), so
    /// that <c>--check</c> can import it the same way when the server has no check of its own (<see cref="AppImportCheck"/>).
    /// </summary>
    internal virtual bool ImportsApp => false;

    /// <summary>
    /// For <c>--check</c>: the server's own dry check of a launch (for example gunicorn's <c>--check-config</c>, which imports
    /// the app and validates every setting, then exits 0 or 1), derived from the plan that would run the server.
    /// </summary>
    /// <param name="run">The plan that would start the server.</param>
    /// <returns>
    /// The check's plan, or <see langword="null"/> when the server has no such check (waitress, uvicorn, granian). For a
    /// Django management command the default is <c>manage.py check</c> with the same <c>--settings</c>/<c>--pythonpath</c>
    /// (it loads the project's settings and runs Django's system checks), run so that it then also asks Django whether
    /// manage.py has the command (<see cref="Command"/>): an app missing from <c>INSTALLED_APPS</c> fails the check.
    /// </returns>
    public virtual LaunchPlan? CreateCheckPlan(LaunchPlan run)
    {
        System.ArgumentNullException.ThrowIfNull(run);
        return LaunchKind == LaunchKind.DjangoManage ? DjangoCommandCheck.For(run, Command, [], []) : null;
    }

    /// <summary>
    /// <c>--check</c>'s plan with the process known, so that a backend can add what its settings make the server import
    /// (<see cref="GetImportedNames"/>) to the check it runs anyway. Default: <see cref="CreateCheckPlan(LaunchPlan)"/>.
    /// </summary>
    internal virtual LaunchPlan? CreateCheckPlan(ProcessDefinition process, LaunchPlan run) => CreateCheckPlan(run);

    /// <summary>
    /// The Python names <paramref name="process"/>'s settings make the server import at start (a worker class, a
    /// scheduler), each with its key; the check plan of <see cref="CreateCheckPlan(ProcessDefinition, LaunchPlan)"/>
    /// imports them in this order. Default: none.
    /// </summary>
    internal virtual IReadOnlyList<ImportedName> GetImportedNames(ProcessDefinition process) => [];

    /// <summary>
    /// For a management command: the Django apps (top-level modules) that bring it, first the one to name; so that
    /// <c>--check</c>, finding manage.py without the command, can say whether the app is installed and only missing from
    /// <c>INSTALLED_APPS</c>. Default: none (the command comes with Django, or is not known to come from an app).
    /// </summary>
    internal virtual IReadOnlyList<string> CommandApps => [];

    /// <summary>
    /// The subcommand when another package adds it to <see cref="Command"/> (celery's <c>flower</c>, from flower's entry
    /// point): <c>--check</c> asks the command whether it has it, as <see cref="CommandApps"/> asks manage.py. Default:
    /// none (the command's own).
    /// </summary>
    internal virtual string? PluginCommand => null;

    /// <summary>
    /// The Python modules <paramref name="process"/>'s settings make a server with no check of its own import at start
    /// (uvicorn's <c>--loop uvloop</c>, hypercorn's <c>-k trio</c>), each with its key: an optional package the
    /// interpreter may lack. <c>--check</c> imports them with the app (<see cref="AppImportCheck"/>). Default: none.
    /// </summary>
    internal virtual IReadOnlyList<ImportedName> GetRequiredModules(ProcessDefinition process) => [];

    /// <summary>
    /// How <c>--check</c> names a setting of the server's own whose class it imports when nothing configured here names the
    /// class (<see cref="GetImportedNames"/>): where the setting comes from. Default: the app's setting.
    /// </summary>
    internal virtual string ImportedSettingSource(string setting) => $"the class the app's {setting} setting names";

    /// <summary>
    /// The message for a finding of <c>--check</c>'s script that only this backend asks about (rqworker's queue that is
    /// not a key of <c>RQ_QUEUES</c>), without the process's name; <see langword="null"/> when it is not one. Default: none.
    /// </summary>
    /// <param name="process">The process checked.</param>
    /// <param name="words">The finding, split at spaces into at most three words.</param>
    internal virtual string? DescribeCheckFinding(ProcessDefinition process, IReadOnlyList<string> words) => null;

    /// <summary>Checks a process that uses this backend.</summary>
    /// <param name="process">The process.</param>
    /// <returns>Problems, each naming the property; empty when valid.</returns>
    public abstract IReadOnlyList<SettingProblem> Validate(ProcessDefinition process);

    /// <summary>
    /// Configuration files the server would read on its own from <paramref name="workingDirectory"/> for this process
    /// (gunicorn's <c>./gunicorn.conf.py</c> when <c>Config</c> is not set), so that dry-run and <c>--check</c> can say so.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <param name="workingDirectory">The absolute directory the server starts in.</param>
    /// <returns>The absolute paths of the files that exist; empty for most servers.</returns>
    public virtual IReadOnlyList<string> GetImplicitConfigFiles(ProcessDefinition process, string workingDirectory) => [];

    /// <summary>The server's arguments after the command: options and the app target, in the order the server expects.</summary>
    /// <param name="process">The process.</param>
    /// <returns>One element per argument.</returns>
    public virtual IReadOnlyList<string> BuildArguments(ProcessDefinition process)
    {
        var argv = new List<string>();
        process.Args.AppendArguments(argv);
        if (process.App is { } app)
        {
            argv.Add(app);
        }

        return argv;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>One problem with a setting: the setting's key relative to the process (<c>Args:Threads</c>) and what is wrong.</summary>
/// <param name="Key">The key relative to the process section, for example <c>Args:Threads</c> or <c>App</c>.</param>
/// <param name="Message">What is wrong, as a sentence.</param>
public sealed record SettingProblem(string Key, string Message);
