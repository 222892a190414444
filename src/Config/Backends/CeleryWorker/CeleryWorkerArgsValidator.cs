using System;
using System.Globalization;
using System.Linq;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>celery worker</c> enforces (or silently ignores), checked before launch.</summary>
internal sealed class CeleryWorkerArgsValidator : AbstractValidator<CeleryWorkerArgs>
{
    /// <summary>Creates the validator.</summary>
    public CeleryWorkerArgsValidator()
    {
        Include(new CeleryGlobalOptionsValidator());
        Include(new CeleryDaemonOptionsValidator());

        RuleFor(a => a.Hostname).NotEmpty().When(a => a.Hostname is not null).WithMessage("Hostname must not be empty; leave it unset for celery@%h.");
        RuleFor(a => a.StateDb).NotEmpty().When(a => a.StateDb is not null).WithMessage("StateDb must be a path.");
        RuleFor(a => a.PrefetchMultiplier).GreaterThanOrEqualTo(1)
            .WithMessage("PrefetchMultiplier must be at least 1, got {PropertyValue}; use DisablePrefetch to fetch only when a process is free.");
        this.ExclusiveSettings(RuleBackends.CeleryWorker);

        RuleFor(a => a.TimeLimit).Must(BePositive).WithMessage("TimeLimit must be a positive number of seconds, got {PropertyValue}.");
        RuleFor(a => a.SoftTimeLimit).Must(BePositive).WithMessage("SoftTimeLimit must be a positive number of seconds, got {PropertyValue}.");
        RuleFor(a => a.SoftTimeLimit).LessThan(a => a.TimeLimit)
            .When(a => a.SoftTimeLimit is not null && a.TimeLimit is not null)
            .WithMessage(a => $"SoftTimeLimit ({Format(a.SoftTimeLimit)}) must be less than TimeLimit ({Format(a.TimeLimit)}), or the hard limit kills the task before the soft one can fire.");

        RuleFor(a => a.Concurrency).Null().When(a => a.Pool == CeleryPool.Solo)
            .WithMessage("Concurrency has no effect with the solo pool, which runs one task at a time. Remove it or pick another Pool.");
        RuleFor(a => a.Autoscale).Must(BeAutoscale).When(a => a.Autoscale is not null)
            .WithMessage("Autoscale must be 'MAX,MIN' or 'MAX' with whole numbers, MAX at least 1, got '{PropertyValue}'.");
        RuleFor(a => a.Autoscale).Null().When(a => a.Pool == CeleryPool.Solo)
            .WithMessage("Autoscale cannot grow the solo pool, which always has one process. Remove it or pick another Pool.");

        RuleForEach(a => a.Queues).Must(BeQueueName).WithMessage("Queues entry '{PropertyValue}' must be a queue name without commas or white space.");
        RuleForEach(a => a.ExcludeQueues).Must(BeQueueName).WithMessage("ExcludeQueues entry '{PropertyValue}' must be a queue name without commas or white space.");
        RuleForEach(a => a.Include).Must(BeQueueName).WithMessage("Include entry '{PropertyValue}' must be a module name without commas or white space.");
        RuleFor(a => a.Queues).NotEmpty().When(a => a.Queues is not null)
            .WithMessage("Queues must name at least one queue; leave it unset to consume every configured queue.");
        RuleFor(a => a.ExcludeQueues)
            .Must((a, excluded) => !excluded!.Intersect(a.Queues!, StringComparer.Ordinal).Any())
            .When(a => a.Queues is not null && a.ExcludeQueues is not null)
            .WithMessage(a => $"ExcludeQueues and Queues both name {string.Join(", ", a.ExcludeQueues!.Intersect(a.Queues!, StringComparer.Ordinal))}: a queue is either consumed or excluded.");

        // The embedded beat's options are read only with --beat; without it they would be silently ignored.
        RuleFor(a => a.ScheduleFilename).Null().When(a => a.Beat != true)
            .WithMessage("ScheduleFilename needs Beat: it is the embedded beat's schedule file. Set Beat = true or remove it.");
        RuleFor(a => a.Scheduler).Null().When(a => a.Beat != true)
            .WithMessage("Scheduler needs Beat: it is the embedded beat's scheduler class. Set Beat = true or remove it.");
        RuleFor(a => a.Beat).NotEqual(true).When(_ => OperatingSystem.IsWindows())
            .WithMessage("Beat cannot be embedded in a worker on Windows (celery refuses -B there); run a CeleryBeat process instead.");

        this.ExtraArgs(a => a.ExtraArgs);
    }

    private static bool BePositive(double? seconds) => seconds is not { } s || (s > 0 && double.IsFinite(s));

    private static string Format(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static bool BeQueueName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => c == ',' || char.IsWhiteSpace(c));

    // celery's autoscale type: "10,3" or "10"; it sorts the two numbers itself, so the order does not matter.
    private static bool BeAutoscale(string? value)
    {
        var parts = value?.Split(',') ?? [];
        return parts.Length is 1 or 2
            && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            && parts.Max(p => int.Parse(p, CultureInfo.InvariantCulture)) >= 1;
    }
}
