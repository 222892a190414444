using System;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>uvicorn</c> enforces, or silently ignores (a socket option that loses to another), checked before launch.</summary>
internal sealed class UvicornArgsValidator : AbstractValidator<UvicornArgs>
{
    /// <summary>Creates the validator.</summary>
    public UvicornArgsValidator()
    {
        this.NotEmptyWhenSet(a => a.Host, nameof(UvicornArgs.Host));

        // uvicorn binds Uds, else Fd, else Host/Port, and ignores the rest without a word.
        this.ExclusiveSettings(RuleBackends.Uvicorn);

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
