using System;
using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// The one reader of <c>HOST:PORT</c> addresses (<c>HOST:PORT</c>, <c>[v6]:PORT</c>, <c>*:PORT</c>, <c>:PORT</c>, a bare
/// <c>HOST</c> or <c>[v6]</c>), as waitress's <c>--listen</c> and gunicorn's <c>--bind</c> take them: the validators, the
/// listen endpoints and the port checks all read addresses through it, so they cannot disagree about one.
/// </summary>
internal static class HostPort
{
    /// <summary>Splits <paramref name="entry"/> at its last colon, unless the whole entry is a bracketed IPv6 address.</summary>
    /// <param name="entry">The address.</param>
    /// <param name="host">The host without IPv6 brackets; empty for <c>:PORT</c>.</param>
    /// <param name="port">The port, or <see langword="null"/> when the entry gives none.</param>
    /// <returns><see langword="false"/> when a port is given but is not a number from 0 to <see cref="int.MaxValue"/>.</returns>
    public static bool TrySplit(string entry, out string host, out int? port)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var colon = entry.LastIndexOf(':');
        if (colon < 0 || (entry.StartsWith('[') && entry.EndsWith(']')))
        {
            host = entry.Trim('[', ']');
            port = null;
            return true;
        }

        host = entry[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        port = int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        return port is not null;
    }

    /// <summary>Whether <paramref name="port"/> is a TCP port a server can listen on (1 to 65535).</summary>
    /// <param name="port">The port.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsListenPort(int? port) => port is >= 1 and <= 65535;
}
