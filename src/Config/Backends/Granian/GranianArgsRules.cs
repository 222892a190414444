using System;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>granian</c> itself enforces (or silently mishandles), checked before launch.</summary>
internal static class GranianArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(GranianArgs a, ArgsProblems found)
    {
        found.NotEmptyWhenSet(a.Host, nameof(a.Host));
        found.ExclusiveSettings(RuleBackends.Granian);
        found.If(a.UdsPermissions is not null && a.Uds is null, nameof(a.UdsPermissions), "UdsPermissions needs Uds.");
        found.FileMode(nameof(a.UdsPermissions), a.UdsPermissions, 511);

        Duration(found, a.BlockingThreadsIdleTimeout, nameof(a.BlockingThreadsIdleTimeout), 5, 600);
        Duration(found, a.Http2KeepAliveTimeout, nameof(a.Http2KeepAliveTimeout), 1, null);
        Duration(found, a.RssSampleInterval, nameof(a.RssSampleInterval), 1, 300);
        Duration(found, a.WorkersLifetime, nameof(a.WorkersLifetime), 60, null);
        Duration(found, a.WorkersKillTimeout, nameof(a.WorkersKillTimeout), 1, 1800);
        Duration(found, a.StaticPathExpires, nameof(a.StaticPathExpires), 0, null);
        Duration(found, a.MetricsScrapeInterval, nameof(a.MetricsScrapeInterval), 1, 60);

        found.If(a.SslCertificate is not null && a.SslKeyfile is null, nameof(a.SslKeyfile),
            "SslKeyfile is required with SslCertificate: granian serves TLS from the certificate and its key.");
        found.If(a.SslKeyfile is not null && a.SslCertificate is null, nameof(a.SslCertificate),
            "SslCertificate is required with SslKeyfile: granian serves TLS from the certificate and its key.");
        found.If(a.SslClientVerify == true && a.SslCa is null, nameof(a.SslCa),
            "SslClientVerify needs SslCa: granian verifies client certificates against that CA.");
        found.If(a.StaticPathRoutes is not null && a.StaticPathMounts is null, nameof(a.StaticPathMounts),
            "StaticPathRoutes needs StaticPathMounts: each route is paired with the directory at the same position.");
        found.If(a.StaticPathMounts is not null && a.StaticPathRoutes is not null && a.StaticPathMounts.Count != a.StaticPathRoutes.Count, nameof(a.StaticPathMounts),
            "StaticPathMounts and StaticPathRoutes must have as many entries: granian pairs them by position.");

        found.ExtraArgs(a, a.ExtraArgs);
        found.Each(a.ExtraArgs, nameof(a.ExtraArgs), e => e is null || !e.StartsWith("--interface", StringComparison.Ordinal),
            _ => "ExtraArgs cannot set --interface: the Backend writes it (Granian for ASGI, GranianWsgi for WSGI).");
    }

    private static void Duration(ArgsProblems found, string? text, string name, int minimumSeconds, int? maximumSeconds)
    {
        if (text is null
            || (GranianDuration.Parse(text) is { } d && d.TotalSeconds >= minimumSeconds && (maximumSeconds is null || d.TotalSeconds <= maximumSeconds)))
        {
            return;
        }

        var range = maximumSeconds is { } max ? $"from {minimumSeconds} to {max} seconds" : $"at least {minimumSeconds} seconds";
        found.Add(name, $"{name} must be a duration {range}, as whole seconds (30) or with units (1h30m), got {Quoted.Value(text)}.");
    }
}
