using System.Linq;
using System.Text.RegularExpressions;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>What <c>rqworker</c> would misread (a queue name starting with <c>-</c>) or crash on with a traceback (a class path that cannot be one), checked before launch.</summary>
internal sealed partial class RqWorkerArgsValidator : AbstractValidator<RqWorkerArgs>
{
    /// <summary>Creates the validator.</summary>
    public RqWorkerArgsValidator()
    {
        Include(new DjangoCommandOptionsValidator());
        this.ExclusiveSettings(RuleBackends.RqWorker);

        // argparse would take "-x" as an option and "a b" cannot be an RQ_QUEUES key written on a command line.
        // Names are printed escaped: one from configuration may hold a line break, which would forge a second message line.
        RuleForEach(a => a.Queues).Must(q => q is not null && QueueName().IsMatch(q))
            .WithMessage((_, q) => $"Queues entry '{Names.Printable(q ?? string.Empty)}' must be an RQ_QUEUES name: letters, digits, '_', '-', '.' or ':', not starting with '-'.");
        RuleForEach(a => a.Queues).Must((a, q) => a.Queues!.Count(other => other == q) == 1)
            .WithMessage((_, q) => $"Queues entry '{Names.Printable(q ?? string.Empty)}' is listed twice.");

        // A bad path is an ImportError traceback, exit 1; FluentValidation's Matches passes an unset (null) one.
        RuleFor(a => a.WorkerClass).Must(ImportPathOrUnset).WithMessage(ClassPathMessage(nameof(RqWorkerArgs.WorkerClass)));
        RuleFor(a => a.QueueClass).Must(ImportPathOrUnset).WithMessage(ClassPathMessage(nameof(RqWorkerArgs.QueueClass)));
        RuleFor(a => a.JobClass).Must(ImportPathOrUnset).WithMessage(ClassPathMessage(nameof(RqWorkerArgs.JobClass)));

        RuleFor(a => a.Serializer).Must(s => s is null || s is "json" or "pickle" || PythonTargetSyntax.IsImportPath(s))
            .WithMessage("Serializer must be json, pickle or a dotted import path such as rq.serializers.JSONSerializer, got '{PropertyValue}'.");
        RuleFor(a => a.Name).MatchesWhenSet(WorkerName).When(a => a.Name is not null)
            .WithMessage("Name must be one word without spaces (RQ keys the worker by it), got '{PropertyValue}'.");
        this.NotEmptyWhenSet(a => a.Pid, nameof(RqWorkerArgs.Pid));

        this.ExtraArgs(a => a.ExtraArgs);
    }

    private static string ClassPathMessage(string name) =>
        name + " must be a dotted import path such as myapp.workers.MyWorker, got '{PropertyValue}'.";

    [GeneratedRegex(@"^[A-Za-z0-9_.:][A-Za-z0-9_.:-]*\z")]
    private static partial Regex QueueName();

    private static bool ImportPathOrUnset(string? path) => path is null || PythonTargetSyntax.IsImportPath(path);

    [GeneratedRegex(@"^[^\s]+\z")]
    private static partial Regex WorkerName();
}
