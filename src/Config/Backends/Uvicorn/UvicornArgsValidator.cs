using System;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>The constraints <c>uvicorn</c> enforces, or silently ignores (a socket option that loses to another), checked before launch.</summary>
internal sealed class UvicornArgsValidator : AbstractValidator<UvicornArgs>
{
    /// <summary>Creates the validator.</summary>
    public UvicornArgsValidator()
    {
        this.NotEmptyWhenSet(a => a.Host, nameof(UvicornArgs.Host));

        // uvicorn binds Uds, else Fd, else Host/Port, and ignores the rest without a word.
        RuleFor(a => a.Uds).Null().When(a => a.Host is not null || a.Port is not null || a.Fd is not null)
            .WithMessage("Uds cannot be combined with Host, Port or Fd: uvicorn would listen on the socket and silently ignore the others.");
        RuleFor(a => a.Fd).Null().When(a => a.Host is not null || a.Port is not null)
            .WithMessage("Fd cannot be combined with Host or Port: uvicorn would serve the inherited socket and silently ignore them.");

        RuleFor(a => a.Workers).Null().When(a => a.Reload == true)
            .WithMessage("Workers cannot be combined with Reload: uvicorn ignores Workers when reloading.");
        RuleFor(a => a.ReloadDirs).Null().When(a => a.Reload != true).WithMessage("ReloadDirs needs Reload.");
        RuleFor(a => a.ReloadIncludes).Null().When(a => a.Reload != true).WithMessage("ReloadIncludes needs Reload.");
        RuleFor(a => a.ReloadExcludes).Null().When(a => a.Reload != true).WithMessage("ReloadExcludes needs Reload.");
        RuleFor(a => a.ReloadDelay).Null().When(a => a.Reload != true).WithMessage("ReloadDelay needs Reload.");

        RuleFor(a => a.LimitMaxRequestsJitter).Null().When(a => a.LimitMaxRequests is null)
            .WithMessage("LimitMaxRequestsJitter needs LimitMaxRequests: the jitter is added to it.");

        RuleFor(a => a.SslCertfile).NotNull().When(a => a.SslKeyfile is not null)
            .WithMessage("SslCertfile is required with SslKeyfile: uvicorn serves TLS from the certificate and its key.");
        RuleFor(a => a.SslKeyfile).NotNull().When(a => a.SslCertfile is not null)
            .WithMessage("SslKeyfile is required with SslCertfile: uvicorn serves TLS from the certificate and its key.");
        RuleForEach(a => a.Headers).Must(h => h is not null && h.IndexOf(':', StringComparison.Ordinal) > 0)
            .WithMessage("Headers entry '{PropertyValue}' must be Name:Value.");

        this.ExtraArgs(a => a.ExtraArgs);
        RuleForEach(a => a.ExtraArgs).Must(e => e is null || !e.StartsWith("--interface", StringComparison.Ordinal))
            .WithMessage("ExtraArgs cannot set --interface: the Backend chooses it (Uvicorn for ASGI, UvicornWsgi for WSGI).");
    }
}
