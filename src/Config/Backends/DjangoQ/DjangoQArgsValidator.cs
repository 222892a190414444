using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>qcluster</c> enforces, checked before launch.</summary>
internal sealed class DjangoQArgsValidator : AbstractValidator<DjangoQArgs>
{
    /// <summary>Creates the validator.</summary>
    public DjangoQArgsValidator()
    {
        Include(new DjangoCommandOptionsValidator());
        this.ExclusiveSettings(RuleBackends.DjangoQ);

        RuleFor(a => a.Name).NotEmpty().When(a => a.Name is not null)
            .WithMessage("Name must not be empty; leave it unset to use Q_CLUSTER['name'].");

        this.ExtraArgs(a => a.ExtraArgs);
    }
}
