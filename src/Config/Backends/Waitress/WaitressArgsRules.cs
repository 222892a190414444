using System.Text.RegularExpressions;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>waitress-serve</c> itself enforces (or silently mishandles), checked before launch.</summary>
internal static partial class WaitressArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(WaitressArgs a, ArgsProblems found)
    {
        found.NotBlankWhenSet(a.Host, nameof(a.Host), "Host must not be empty; leave it unset for waitress's default 0.0.0.0.");

        // waitress raises ValueError (a traceback, exit 1) when these are combined. The conditions are PSC0004's
        // (ConflictingBindSettingsRule), so build time and start-up cannot disagree; refused here, once.
        found.If(ConflictingBindSettingsRule.ListenConflicts(found.Settings).Length > 0, nameof(a.Listen),
            "Listen cannot be combined with Host or Port: waitress refuses it. Use Listen alone, or Host and Port.");
        found.If(ConflictingBindSettingsRule.UnixSocketConflicts(found.Settings).Length > 0, nameof(a.UnixSocket),
            "UnixSocket cannot be combined with Host, Port or Listen: waitress refuses it.");
        found.NotBlankWhenSet(a.UnixSocket, nameof(a.UnixSocket), "UnixSocket must be a path.");
        found.Each(a.Listen, nameof(a.Listen), IsListenAddress,
            e => $"Listen entry {Quoted.Value(e)} must be HOST:PORT, [IPv6]:PORT or *:PORT with a port from 1 to 65535.");
        found.If(a.UnixSocketPerms is not null && !OctalMode().IsMatch(a.UnixSocketPerms), nameof(a.UnixSocketPerms),
            $"UnixSocketPerms must be an octal file mode such as 660 (waitress always reads it as base 8), got {Quoted.Value(a.UnixSocketPerms)}.");

        found.If(a.TrustedProxyCount is not null && a.TrustedProxy is null, nameof(a.TrustedProxyCount),
            "TrustedProxyCount needs TrustedProxy: waitress refuses it without a trusted proxy.");
        found.If(a.TrustedProxyHeaders is not null && a.TrustedProxy is null, nameof(a.TrustedProxyHeaders),
            "TrustedProxyHeaders needs TrustedProxy: waitress refuses it without a trusted proxy.");
        found.If(a.TrustedProxyHeaders is { } headers && MixesForwarded(headers), nameof(a.TrustedProxyHeaders),
            "TrustedProxyHeaders cannot mix Forwarded with X-Forwarded-* headers: waitress refuses it.");

        found.ExtraArgs(a, a.ExtraArgs);
    }

    // HOST:PORT, [v6]:PORT or *:PORT: waitress needs both parts.
    private static bool IsListenAddress(string? entry) =>
        !string.IsNullOrWhiteSpace(entry) && HostPort.TrySplit(entry, out var host, out var port) && host.Length > 0 && HostPort.IsListenPort(port);

    private static bool MixesForwarded(System.Collections.Generic.IReadOnlyList<TrustedProxyHeader> headers)
    {
        bool forwarded = false, other = false;
        foreach (var header in headers)
        {
            forwarded |= header == TrustedProxyHeader.Forwarded;
            other |= header != TrustedProxyHeader.Forwarded;
        }

        return forwarded && other;
    }

    [GeneratedRegex("^0?[0-7]{3}\\z")]
    private static partial Regex OctalMode();
}
