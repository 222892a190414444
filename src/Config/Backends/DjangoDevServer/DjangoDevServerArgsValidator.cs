using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>runserver</c> enforces, checked before launch.</summary>
internal sealed class DjangoDevServerArgsValidator : AbstractValidator<DjangoDevServerArgs>
{
    /// <summary>Creates the validator.</summary>
    public DjangoDevServerArgsValidator()
    {
        Include(new DjangoCommandOptionsValidator());

        this.ExclusiveSettings(RuleBackends.DjangoDevServer);

        this.ExtraArgs(a => a.ExtraArgs);
    }
}
