using FluentValidation;

namespace ProdServer.Config;

/// <summary>The constraints <c>runserver</c> enforces, checked before launch.</summary>
internal sealed class DjangoDevServerArgsValidator : AbstractValidator<DjangoDevServerArgs>
{
    /// <summary>Creates the validator.</summary>
    public DjangoDevServerArgsValidator()
    {
        Include(new DjangoCommandOptionsValidator());

        RuleFor(a => a.Insecure).NotEqual(true).When(a => a.NoStatic == true)
            .WithMessage("Insecure has no effect with NoStatic: no static files are served at all. Remove one of them.");

        this.ExtraArgs(a => a.ExtraArgs);
    }
}
