using FluentValidation;

namespace ProdServer.Config;

/// <summary>
/// The constraints <c>celery beat</c> enforces, checked before launch. Only one beat may run per schedule (two send every
/// periodic task twice): a second beat for the same app in one configuration is refused across processes
/// (<c>CeleryBeatUniqueness</c>); beats on other hosts no validator can see.
/// </summary>
internal sealed class CeleryBeatArgsValidator : AbstractValidator<CeleryBeatArgs>
{
    /// <summary>Creates the validator.</summary>
    public CeleryBeatArgsValidator()
    {
        Include(new CeleryGlobalOptionsValidator());
        Include(new CeleryDaemonOptionsValidator());

        RuleFor(a => a.Schedule).NotEmpty().When(a => a.Schedule is not null)
            .WithMessage("Schedule must be a file path; leave it unset for celerybeat-schedule in the working directory.");
        RuleFor(a => a.Scheduler).NotEmpty().When(a => a.Scheduler is not null)
            .WithMessage("Scheduler must be a class path such as celery.beat:PersistentScheduler.");

        this.ExtraArgs(a => a.ExtraArgs);
    }
}
