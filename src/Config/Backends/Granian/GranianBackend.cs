using System;
using System.Collections.Generic;
using System.Linq;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>granian --interface=asgi|wsgi [options] module:object</c>. The interface is always written, because
/// granian's default is RSGI (its own protocol, which Django does not speak). Two instances: <see cref="ServerBackends.Granian"/>
/// (ASGI) and <see cref="ServerBackends.GranianWsgi"/>.
/// </summary>
internal sealed partial class GranianBackend : ServerBackend<GranianArgs>
{
    /// <summary>How long a graceful stop may run past <c>--workers-kill-timeout</c>.</summary>
    public static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(5);

    internal GranianBackend(bool wsgi) => IsWsgi = wsgi;

    /// <summary>Whether this backend serves a WSGI app (<c>--interface=wsgi</c>) rather than an ASGI one (<c>--interface=asgi</c>).</summary>
    public bool IsWsgi { get; }

    /// <inheritdoc />
    public override string Name => IsWsgi ? "GranianWsgi" : "Granian";

    /// <inheritdoc />
    internal override bool ImportsApp => true;

    /// <inheritdoc />
    public override string Command => "granian";

    /// <inheritdoc />
    public override string InstallHint => "pip install granian (no Debian package)";

    // The console script's own entry point: it sets click's GRANIAN_ prefix, which "python -m granian" may not.
    /// <inheritdoc />
    public override string PythonEntryPoint =>
        "import sys; sys.argv[0] = 'granian'; from granian.cli import entrypoint; sys.exit(entrypoint())";

    /// <inheritdoc />
    public override string? DistributionName => "granian";

    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment { get; } = ["GRANIAN_*"];

    // An event loop other than asyncio is a package of its own, imported when the workers start.
    /// <inheritdoc />
    internal override IReadOnlyList<ImportedName> GetRequiredModules(ProcessDefinition process) =>
        process.Args is GranianArgs { Loop: GranianLoop.Uvloop or GranianLoop.Rloop or GranianLoop.Winloop } args
            ? [new("Args:Loop", args.Loop.Value.ToString().ToLowerInvariant())]
            : [];

    /// <inheritdoc />
    private protected override void CheckArgs(GranianArgs args, ArgsProblems found) => GranianArgsRules.Check(args, found);

    /// <summary>
    /// SIGTERM is granian's graceful stop; it waits for its workers without limit unless <c>--workers-kill-timeout</c> is set,
    /// and then ProdServer waits that long plus <see cref="StopMargin"/>; otherwise the default.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>The timeout.</returns>
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Args is GranianArgs { WorkersKillTimeout: { } text } && GranianDuration.Parse(text) is { } kill
            ? kill + StopMargin
            : base.GetDefaultStopTimeout(process);
    }

    /// <summary><c>--interface=asgi|wsgi</c>, the options, then the app target.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The arguments after <c>granian</c>.</returns>
    public override IReadOnlyList<string> BuildArguments(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var argv = new List<string> { IsWsgi ? "--interface=wsgi" : "--interface=asgi" };
        process.Args.AppendArguments(argv);
        if (process.App is { } app)
        {
            argv.Add(app);
        }

        return argv;
    }

    /// <inheritdoc />
    public override IReadOnlyList<SettingProblem> Validate(ProcessDefinition process)
    {
        var problems = base.Validate(process);
        if (!IsWsgi && process.Args is GranianArgs { BlockingThreads: > 1 } args)
        {
            // granian refuses more than one blocking thread for asgi/rsgi: the event loop runs on it.
            return [.. problems, new("Args:BlockingThreads", $"BlockingThreads must be 1 for an ASGI app, got {args.BlockingThreads}; only Backend GranianWsgi (a WSGI app) takes more.")];
        }

        return problems;
    }

    /// <summary>The flags granian accepts only from some release on, and the values added later.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The requirements.</returns>
    public override IReadOnlyList<VersionRequirement> GetVersionRequirements(ProcessDefinition process)
    {
        var requirements = base.GetVersionRequirements(process).ToList();
        if (process.Args is not GranianArgs args)
        {
            return requirements;
        }

        if (args.Loop == GranianLoop.Winloop)
        {
            requirements.Add(new("Args:Loop", "Loop Winloop (--loop=winloop)", "2.6.0", null));
        }

        if (args.StaticPathRoutes is { Count: > 1 } || args.StaticPathMounts is { Count: > 1 })
        {
            requirements.Add(new("Args:StaticPathRoutes", "several StaticPathRoutes/StaticPathMounts", "2.7.0", null));
        }

        foreach (var (property, value) in new[]
        {
            (nameof(GranianArgs.Http2KeepAliveTimeout), args.Http2KeepAliveTimeout),
            (nameof(GranianArgs.WorkersLifetime), args.WorkersLifetime),
            (nameof(GranianArgs.WorkersKillTimeout), args.WorkersKillTimeout),
            (nameof(GranianArgs.StaticPathExpires), args.StaticPathExpires),
        })
        {
            if (GranianDuration.HasUnits(value))
            {
                requirements.Add(new("Args:" + property, $"{property} {Quoted.Value(value)} (a duration with units)", "2.5.0", null));
            }
        }

        return requirements;
    }

    // granian: module[:attribute] (attribute defaults to app) or a path to a .py file.
    /// <inheritdoc />
    protected override string? ValidateApp(string app) =>
        AppTargets.Accepts(RuleBackends.Granian.AppTargetForm, app)
            ? null
            : $"App {Quoted.Value(app)} must be 'module:object' or 'path/to/file.py:object', for example {(IsWsgi ? "mysite.wsgi:application" : "mysite.asgi:application")}.";
}
