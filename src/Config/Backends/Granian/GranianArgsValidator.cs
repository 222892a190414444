using System;
using System.Linq.Expressions;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints granian's command line enforces (its click ranges), checked before launch.</summary>
internal sealed class GranianArgsValidator : AbstractValidator<GranianArgs>
{
    /// <summary>Creates the validator.</summary>
    public GranianArgsValidator()
    {
        this.NotEmptyWhenSet(a => a.Host, nameof(GranianArgs.Host));
        this.ExclusiveSettings(RuleBackends.Granian);
        RuleFor(a => a.UdsPermissions).Null().When(a => a.Uds is null).WithMessage("UdsPermissions needs Uds.");
        RuleFor(a => a.UdsPermissions).Must(m => ServerArgsRules.FileModeProblem("UdsPermissions", m, 511) is null)
            .WithMessage(a => ServerArgsRules.FileModeProblem("UdsPermissions", a.UdsPermissions, 511));


        Duration(a => a.BlockingThreadsIdleTimeout, nameof(GranianArgs.BlockingThreadsIdleTimeout), 5, 600);
        Duration(a => a.Http2KeepAliveTimeout, nameof(GranianArgs.Http2KeepAliveTimeout), 1, null);
        Duration(a => a.RssSampleInterval, nameof(GranianArgs.RssSampleInterval), 1, 300);
        Duration(a => a.WorkersLifetime, nameof(GranianArgs.WorkersLifetime), 60, null);
        Duration(a => a.WorkersKillTimeout, nameof(GranianArgs.WorkersKillTimeout), 1, 1800);
        Duration(a => a.StaticPathExpires, nameof(GranianArgs.StaticPathExpires), 0, null);
        Duration(a => a.MetricsScrapeInterval, nameof(GranianArgs.MetricsScrapeInterval), 1, 60);

        RuleFor(a => a.SslKeyfile).NotNull().When(a => a.SslCertificate is not null)
            .WithMessage("SslKeyfile is required with SslCertificate: granian serves TLS from the certificate and its key.");
        RuleFor(a => a.SslCertificate).NotNull().When(a => a.SslKeyfile is not null)
            .WithMessage("SslCertificate is required with SslKeyfile: granian serves TLS from the certificate and its key.");
        RuleFor(a => a.SslCa).NotNull().When(a => a.SslClientVerify == true)
            .WithMessage("SslClientVerify needs SslCa: granian verifies client certificates against that CA.");
        RuleFor(a => a.StaticPathMounts).NotNull().When(a => a.StaticPathRoutes is not null)
            .WithMessage("StaticPathRoutes needs StaticPathMounts: each route is paired with the directory at the same position.");
        RuleFor(a => a.StaticPathMounts)
            .Must((a, mounts) => mounts is null || a.StaticPathRoutes is null || mounts.Count == a.StaticPathRoutes.Count)
            .WithMessage("StaticPathMounts and StaticPathRoutes must have as many entries: granian pairs them by position.");

        this.ExtraArgs(a => a.ExtraArgs);
        RuleForEach(a => a.ExtraArgs).Must(e => e is null || !e.StartsWith("--interface", StringComparison.Ordinal))
            .WithMessage("ExtraArgs cannot set --interface: the Backend writes it (Granian for ASGI, GranianWsgi for WSGI).");
    }

    private void Duration(Expression<Func<GranianArgs, string?>> property, string name, int minimumSeconds, int? maximumSeconds)
    {
        var range = maximumSeconds is { } max ? $"from {minimumSeconds} to {max} seconds" : $"at least {minimumSeconds} seconds";
        RuleFor(property).Must(text =>
            {
                if (text is null)
                {
                    return true;
                }

                return GranianDuration.Parse(text) is { } d && d.TotalSeconds >= minimumSeconds && (maximumSeconds is null || d.TotalSeconds <= maximumSeconds);
            })
            .WithMessage($"{name} must be a duration {range}, as whole seconds (30) or with units (1h30m), got '{{PropertyValue}}'.");
    }
}
