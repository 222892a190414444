using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Runs a process with <c>python -m celery --app=APP [global options] worker [options]</c>.</summary>
internal sealed class CeleryWorkerBackend : CeleryBackend<CeleryWorkerArgs>
{
    /// <summary>The stop timeout when no <see cref="CeleryWorkerArgs.TimeLimit"/> bounds the running tasks.</summary>
    public static readonly TimeSpan DefaultWarmShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <inheritdoc />
    public override string Name => "CeleryWorker";

    /// <inheritdoc />
    /// <remarks>USR1: every thread's traceback to the log. HUP's restart ended Debian's celery 5.2 worker instead (it re-executes itself).</remarks>
    public override IReadOnlyList<string> HandledSignals => ["USR1"];

    /// <inheritdoc />
    public override string Subcommand => "worker";

    /// <inheritdoc />
    private protected override void CheckArgs(CeleryWorkerArgs args, ArgsProblems found) => CeleryWorkerArgsRules.Check(args, found);

    /// <summary>The args, plus a fixed node name (<c>Hostname</c>) on several replicas: every copy would answer as the same node.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The problems.</returns>
    public override IReadOnlyList<SettingProblem> Validate(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var problems = base.Validate(process);
        return process is { Replicas: > 1, Args: CeleryWorkerArgs { Hostname: { } hostname } } && !VariesPerHost(hostname)
            ? [.. problems, new("Args:Hostname", $"Hostname '{Names.Printable(hostname)}' would be the node name of all {process.Replicas} replicas: "
                + "remote control (inspect, ping, revoke) and Flower take the copies for one node (celery's DuplicateNodenameWarning). "
                + "Put %h or %n in it (each copy's host name, e.g. worker@%h) or leave it unset (celery@%h).")]
            : problems;
    }

    // celery's host_format: %h is the machine's host name and %n its first label, different in every pod or container;
    // an empty part after '@' is filled with the host name too. %d (the domain) is often empty in a pod, and %i/%I are a
    // pool process's index, 0 in the main process of every copy.
    private static bool VariesPerHost(string hostname) =>
        hostname.Contains("%h", StringComparison.Ordinal) || hostname.Contains("%n", StringComparison.Ordinal) || hostname.EndsWith('@');

    /// <inheritdoc />
    private protected override IEnumerable<WrittenFile> GetSubcommandFiles(CeleryWorkerArgs args) =>
        WrittenFile.Set(
            (args.StateDb, nameof(args.StateDb)),
            (args.Beat == true && CeleryBeatSchedule.KeepsFile(args.Scheduler) ? args.ScheduleFilename : null, nameof(args.ScheduleFilename)));

    // With Beat the worker embeds a beat, which imports its scheduler class as celery beat does.
    // The gevent and eventlet pools are their packages: celery imports and patches with them before anything else.
    /// <inheritdoc />
    internal override IReadOnlyList<ImportedName> GetImportedNames(ProcessDefinition process)
    {
        if (process.Args is not CeleryWorkerArgs args)
        {
            return [];
        }

        var names = new List<ImportedName>();
        if (args.Pool is CeleryPool.Gevent or CeleryPool.Eventlet)
        {
            names.Add(new("Args:Pool", args.Pool == CeleryPool.Gevent ? "gevent" : "eventlet"));
        }

        if (args is { Beat: true, Scheduler: { } scheduler } && !string.IsNullOrWhiteSpace(scheduler))
        {
            names.Add(new("Args:Scheduler", scheduler.Trim()));
        }

        return names;
    }

    /// <inheritdoc />
    private protected override IEnumerable<string> GetImportedSettings(CeleryWorkerArgs args) =>
        args.Beat == true && string.IsNullOrWhiteSpace(args.Scheduler) ? ["beat_scheduler"] : [];

    // The prefork pool's processes share the worker's group and end at once on a SIGTERM of their own, killing their
    // tasks (WorkerLostError); the main process alone, told to stop, lets them finish and then ends them itself.
    /// <inheritdoc />
    public override bool StopSignalToGroup => false;

    // SIGTERM is celery's warm shutdown: stop taking messages, let running tasks finish. A task cannot outlive TimeLimit, so
    // then the limit plus a margin is enough; without one, 25 s leaves room under the host's default 30 s ShutdownTimeout.
    /// <inheritdoc />
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process) =>
        process.Args is CeleryWorkerArgs { TimeLimit: { } limit } && double.IsFinite(limit) && limit > 0
            ? TimeSpan.FromSeconds(limit + 5)
            : DefaultWarmShutdownTimeout;

    /// <summary>The flags celery accepts only from some release on, plus <see cref="CeleryPool.Custom"/> (a value 5.2.6's <c>--pool</c> rejects).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The requirements.</returns>
    public override IReadOnlyList<VersionRequirement> GetVersionRequirements(ProcessDefinition process)
    {
        var requirements = base.GetVersionRequirements(process);
        return process.Args is CeleryWorkerArgs { Pool: CeleryPool.Custom }
            ? [.. requirements, new("Args:Pool", "Pool 'custom' (--pool=custom)", "5.3.0", null)]
            : requirements;
    }


    // celery 5.2.6 spells the profile only as -O (5.6 adds --optimization), so the generated --optimization=fair becomes -O fair.
    /// <inheritdoc />
    protected override void AppendSubcommandArguments(IList<string> argv, CeleryWorkerArgs args)
    {
        const string Long = "--optimization=";
        var start = argv.Count;
        args.AppendArguments(argv);
        for (var i = start; i < argv.Count; i++)
        {
            if (argv[i].StartsWith(Long, StringComparison.Ordinal))
            {
                argv[i] = argv[i][Long.Length..];
                argv.Insert(i, "-O");
                break;
            }
        }
    }
}
