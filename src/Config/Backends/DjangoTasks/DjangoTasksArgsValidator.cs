using System.Linq;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>db_worker</c> enforces, checked before launch.</summary>
internal sealed class DjangoTasksArgsValidator : AbstractValidator<DjangoTasksArgs>
{
    /// <summary>Creates the validator.</summary>
    public DjangoTasksArgsValidator()
    {
        Include(new DjangoCommandOptionsValidator());

        // db_worker's --queue-name takes an optional argument: an empty value would reach it as None and fail later.
        RuleFor(a => a.QueueName).NotEmpty().When(a => a.QueueName is not null)
            .WithMessage("QueueName must name at least one queue (or *); leave it unset for the default queue.");
        RuleForEach(a => a.QueueName).Must(q => !string.IsNullOrEmpty(q) && !q.Any(c => c == ',' || char.IsWhiteSpace(c)))
            .WithMessage("QueueName entry '{PropertyValue}' must be a queue name without commas or white space.");
        RuleFor(a => a.QueueName).Must(q => q!.Count == 1).When(a => a.QueueName?.Contains("*") == true)
            .WithMessage("QueueName '*' already means every queue; do not list others with it.");
        RuleFor(a => a.Interval).Must(i => i is not { } v || (double.IsFinite(v) && v >= 0))
            .WithMessage("Interval must be a finite number of seconds, 0 or more, got {PropertyValue}.");
        RuleFor(a => a.WorkerId).Length(1, 64).When(a => a.WorkerId is not null)
            .WithMessage("WorkerId must be 1 to 64 characters, got {TotalLength}.");
        RuleFor(a => a.Backend).NotEmpty().When(a => a.Backend is not null)
            .WithMessage("Backend must be a TASKS alias; leave it unset for 'default'.");
        this.ExclusiveSettings(RuleBackends.DjangoTasks);

        this.ExtraArgs(a => a.ExtraArgs);
    }
}
