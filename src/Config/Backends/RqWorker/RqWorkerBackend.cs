using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>python manage.py rqworker [options] [queues]</c>, an RQ worker through django-rq. SIGTERM is RQ's
/// warm shutdown: the worker finishes the running job, then exits 0. It goes to the worker alone, which stops its scheduler
/// child itself; each job runs in a forked work-horse in a session of its own (<c>setsid</c>), which a group signal would
/// not reach anyway and the engine's leftover sweep kills if the stop times out.
/// </summary>
internal sealed class RqWorkerBackend : DjangoManageBackend<RqWorkerArgs>
{
    /// <inheritdoc />
    public override string Name => "RqWorker";

    /// <inheritdoc />
    public override string Command => "rqworker";

    /// <inheritdoc />
    public override string? DistributionName => "django-rq";

    /// <inheritdoc />
    public override string InstallHint => "apt-get install python3-django-rq (Debian/Ubuntu) or pip install django-rq, add django_rq to INSTALLED_APPS and set RQ_QUEUES";

    /// <inheritdoc />
    public override bool StopSignalToGroup => false;

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandApps => ["django_rq"];

    // rqworker imports each class (and a serializer given by path) before it starts working: a bad path ends in a
    // traceback, exit 1, on every start. A serializer without a dot is one of rq's shorthands (json, pickle), no path.
    /// <inheritdoc />
    internal override IReadOnlyList<ImportedName> GetImportedNames(ProcessDefinition process) =>
        process.Args is RqWorkerArgs args
            ? [.. new (string Key, string? Name)[]
                {
                    ("Args:WorkerClass", args.WorkerClass), ("Args:QueueClass", args.QueueClass), ("Args:JobClass", args.JobClass),
                    ("Args:Serializer", args.Serializer?.Contains('.', StringComparison.Ordinal) == true ? args.Serializer : null),
                }
                .Where(n => !string.IsNullOrWhiteSpace(n.Name)).Select(n => new ImportedName(n.Key, n.Name!.Trim()))]
            : [];

    /// <inheritdoc />
    private protected override DjangoSettingsProbe? GetSettingsProbe(ProcessDefinition process) =>
        process.Args is RqWorkerArgs args ? RqWorkerSettingsProbe.For(args) : null;

    /// <inheritdoc />
    internal override string ImportedSettingSource(string setting) => RqWorkerSettingsProbe.SettingSource(setting);

    /// <inheritdoc />
    internal override string? DescribeCheckFinding(ProcessDefinition process, IReadOnlyList<string> words) =>
        process.Args is RqWorkerArgs args ? RqWorkerSettingsProbe.Message(args, words) : null;

    // rq expands a leading ~ with the worker's HOME, which its environment may set: such a path is left to rq.
    /// <inheritdoc />
    internal override IEnumerable<WrittenFile> GetWrittenFiles(ProcessDefinition process) =>
        process.Args is RqWorkerArgs { Pid: { } pid } a && !pid.StartsWith('~')
            ? base.GetWrittenFiles(process).Concat(WrittenFile.Set((a.Pid, nameof(a.Pid))))
            : base.GetWrittenFiles(process);

    // A warm shutdown waits for the running job however long it takes; 25 s leaves room under the host's 30 s
    // ShutdownTimeout. Past it the tree is killed and RQ later moves the job to the FailedJobRegistry (AbandonedJobError):
    // set StopTimeout above the longest job to let it finish.
    /// <inheritdoc />
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process) => TimeSpan.FromSeconds(25);

    /// <summary>The args, plus a fixed worker <c>Name</c> on several replicas, which RQ refuses for all but the first.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The problems.</returns>
    public override IReadOnlyList<SettingProblem> Validate(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var problems = base.Validate(process);
        return process is { Replicas: > 1, Args: RqWorkerArgs { Name: { } name } }
            ? [.. problems, new("Args:Name", $"Name '{Names.Printable(name)}' cannot be shared by {process.Replicas} replicas: RQ refuses a second live worker with the same name. Leave Name unset (each worker gets a random id).")]
            : problems;
    }

    /// <inheritdoc />
    private protected override void CheckArgs(RqWorkerArgs args, ArgsProblems found) => RqWorkerArgsRules.Check(args, found);
}
