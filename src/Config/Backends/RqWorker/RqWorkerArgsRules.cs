using System.Linq;
using System.Text.RegularExpressions;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>What <c>rqworker</c> would misread (a queue name starting with <c>-</c>) or crash on with a traceback (a class path that cannot be one), checked before launch.</summary>
internal static partial class RqWorkerArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(RqWorkerArgs a, ArgsProblems found)
    {
        DjangoCommandOptionsRules.Check(a, found);
        found.ExclusiveSettings(RuleBackends.RqWorker);

        // argparse would take "-x" as an option and "a b" cannot be an RQ_QUEUES key written on a command line.
        // Names are printed escaped: one from configuration may hold a line break, which would forge a second message line.
        found.Each(a.Queues, nameof(a.Queues), q => q is not null && QueueName().IsMatch(q),
            q => $"Queues entry '{Names.Printable(q ?? string.Empty)}' must be an RQ_QUEUES name: letters, digits, '_', '-', '.' or ':', not starting with '-'.");
        if (a.Queues is { } queues)
        {
            found.Each(queues, nameof(a.Queues), q => queues.Count(other => other == q) == 1, q => $"Queues entry '{Names.Printable(q ?? string.Empty)}' is listed twice.");
        }

        // A bad path is an ImportError traceback, exit 1.
        ClassPath(found, a.WorkerClass, nameof(a.WorkerClass));
        ClassPath(found, a.QueueClass, nameof(a.QueueClass));
        ClassPath(found, a.JobClass, nameof(a.JobClass));

        found.If(a.Serializer is not null and not ("json" or "pickle") && !PythonTargetSyntax.IsImportPath(a.Serializer), nameof(a.Serializer),
            $"Serializer must be json, pickle or a dotted import path such as rq.serializers.JSONSerializer, got {Quoted.Value(a.Serializer)}.");
        found.If(a.Name is not null && !WorkerName().IsMatch(a.Name), nameof(a.Name),
            $"Name must be one word without spaces (RQ keys the worker by it), got {Quoted.Value(a.Name)}.");
        found.NotEmptyWhenSet(a.Pid, nameof(a.Pid));

        found.ExtraArgs(a, a.ExtraArgs);
    }

    private static void ClassPath(ArgsProblems found, string? path, string name) =>
        found.If(path is not null && !PythonTargetSyntax.IsImportPath(path), name, $"{name} must be a dotted import path such as myapp.workers.MyWorker, got {Quoted.Value(path)}.");

    [GeneratedRegex(@"^[A-Za-z0-9_.:][A-Za-z0-9_.:-]*\z")]
    private static partial Regex QueueName();

    [GeneratedRegex(@"^[^\s]+\z")]
    private static partial Regex WorkerName();
}
