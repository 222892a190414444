using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>daphne</c> enforces only with a traceback (verbosity, proxy header names), checked before launch.</summary>
internal sealed class DaphneArgsValidator : AbstractValidator<DaphneArgs>
{
    /// <summary>Creates the validator.</summary>
    public DaphneArgsValidator()
    {
        this.NotEmptyWhenSet(a => a.Bind, nameof(DaphneArgs.Bind));
        this.NotEmptyWhenSet(a => a.UnixSocket, nameof(DaphneArgs.UnixSocket));
        RuleForEach(a => a.Endpoints).NotEmpty().WithMessage("Endpoints entries must not be empty.");

        // Any other number is a KeyError traceback in daphne's logging setup.
        this.NotEmptyWhenSet(a => a.AccessLog, nameof(DaphneArgs.AccessLog));

        // daphne refuses these without --proxy-headers only after parsing, with an ArgumentError traceback.
        RuleFor(a => a.ProxyHeadersHost).Null().When(a => a.ProxyHeaders != true)
            .WithMessage("ProxyHeadersHost needs ProxyHeaders: daphne stops with a traceback otherwise.");
        RuleFor(a => a.ProxyHeadersPort).Null().When(a => a.ProxyHeaders != true)
            .WithMessage("ProxyHeadersPort needs ProxyHeaders: daphne stops with a traceback otherwise.");
        this.ExclusiveSettings(RuleBackends.Daphne);

        this.ExtraArgs(a => a.ExtraArgs);
    }
}
