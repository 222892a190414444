using System;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>uvicorn</c> enforces, or silently ignores (a socket option that loses to another), checked before launch.</summary>
internal static class UvicornArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(UvicornArgs a, ArgsProblems found)
    {
        found.NotEmptyWhenSet(a.Host, nameof(a.Host));

        // uvicorn binds Uds, else Fd, else Host/Port, and ignores the rest without a word.
        found.ExclusiveSettings(RuleBackends.Uvicorn);

        var reload = a.Reload == true;
        found.If(a.ReloadDirs is not null && !reload, nameof(a.ReloadDirs), "ReloadDirs needs Reload.");
        found.If(a.ReloadIncludes is not null && !reload, nameof(a.ReloadIncludes), "ReloadIncludes needs Reload.");
        found.If(a.ReloadExcludes is not null && !reload, nameof(a.ReloadExcludes), "ReloadExcludes needs Reload.");
        found.If(a.ReloadDelay is not null && !reload, nameof(a.ReloadDelay), "ReloadDelay needs Reload.");

        found.If(a.LimitMaxRequestsJitter is not null && a.LimitMaxRequests is null, nameof(a.LimitMaxRequestsJitter),
            "LimitMaxRequestsJitter needs LimitMaxRequests: the jitter is added to it.");

        found.If(a.SslKeyfile is not null && a.SslCertfile is null, nameof(a.SslCertfile),
            "SslCertfile is required with SslKeyfile: uvicorn serves TLS from the certificate and its key.");
        found.If(a.SslCertfile is not null && a.SslKeyfile is null, nameof(a.SslKeyfile),
            "SslKeyfile is required with SslCertfile: uvicorn serves TLS from the certificate and its key.");
        found.Each(a.Headers, nameof(a.Headers), h => h is not null && h.IndexOf(':', StringComparison.Ordinal) > 0,
            e => $"Headers entry '{e}' must be Name:Value.");

        found.ExtraArgs(a, a.ExtraArgs);
        found.Each(a.ExtraArgs, nameof(a.ExtraArgs), e => e is null || !e.StartsWith("--interface", StringComparison.Ordinal),
            _ => "ExtraArgs cannot set --interface: the Backend chooses it (Uvicorn for ASGI, UvicornWsgi for WSGI).");
    }
}
