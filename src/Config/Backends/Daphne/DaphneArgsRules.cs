using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>daphne</c> enforces only with a traceback (verbosity, proxy header names), checked before launch.</summary>
internal static class DaphneArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(DaphneArgs a, ArgsProblems found)
    {
        found.NotEmptyWhenSet(a.Bind, nameof(a.Bind));
        found.NotEmptyWhenSet(a.UnixSocket, nameof(a.UnixSocket));
        found.Each(a.Endpoints, nameof(a.Endpoints), e => !string.IsNullOrWhiteSpace(e), _ => "Endpoints entries must not be empty.");

        // Any other number is a KeyError traceback in daphne's logging setup.
        found.NotEmptyWhenSet(a.AccessLog, nameof(a.AccessLog));

        // daphne refuses these without --proxy-headers only after parsing, with an ArgumentError traceback.
        var proxyHeaders = a.ProxyHeaders == true;
        found.If(a.ProxyHeadersHost is not null && !proxyHeaders, nameof(a.ProxyHeadersHost),
            "ProxyHeadersHost needs ProxyHeaders: daphne stops with a traceback otherwise.");
        found.If(a.ProxyHeadersPort is not null && !proxyHeaders, nameof(a.ProxyHeadersPort),
            "ProxyHeadersPort needs ProxyHeaders: daphne stops with a traceback otherwise.");
        found.ExclusiveSettings(RuleBackends.Daphne);

        found.ExtraArgs(a, a.ExtraArgs);
    }
}
