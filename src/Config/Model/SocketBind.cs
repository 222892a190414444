using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// The <c>--bind</c> spellings gunicorn and hypercorn share: <c>HOST:PORT</c>, a bare <c>HOST</c> (port 8000),
/// <c>unix:PATH</c> and <c>fd://N</c>. One reader, so the validators and the readiness probes agree about an entry.
/// </summary>
internal static class SocketBind
{
    /// <summary>Whether <paramref name="entry"/> is one of the spellings, with a port a server can listen on.</summary>
    /// <param name="entry">The bind entry.</param>
    /// <returns><see langword="true"/> when the server would accept it.</returns>
    public static bool IsValid(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }

        if (entry.StartsWith("unix:", StringComparison.Ordinal))
        {
            return entry.Length > "unix:".Length;
        }

        if (entry.StartsWith("fd://", StringComparison.Ordinal))
        {
            return int.TryParse(entry.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }

        // A host alone (no port: the server uses 8000) or HOST:PORT with a port a server can listen on; no host holds white
        // space ("0.0.0.0:8000 [::]:8000" is two binds written as one, which the server would read as one odd host).
        return !HasWhiteSpace(entry) && HostPort.TrySplit(entry, out _, out var port) && (port is null || HostPort.IsListenPort(port));
    }

    /// <summary>For the error about <paramref name="entry"/>: how to write several binds when it looks like several in one.</summary>
    /// <param name="entry">The entry refused.</param>
    /// <returns>The hint, or an empty string.</returns>
    public static string SeveralHint(string? entry) =>
        entry is not null && !entry.StartsWith("unix:", StringComparison.Ordinal) && HasWhiteSpace(entry.Trim())
            ? "; several binds are one entry each (an array: [\"a\", \"b\"])"
            : string.Empty;

    private static bool HasWhiteSpace(string entry) => entry.AsSpan().IndexOfAny(" \t\r\n\v\f") >= 0;

    /// <summary>The Unix socket paths among <paramref name="bind"/> (<c>unix:PATH</c>, and gunicorn's <c>unix://PATH</c>).</summary>
    /// <param name="bind">The bind entries, or <see langword="null"/>.</param>
    /// <returns>The paths.</returns>
    public static IReadOnlyList<string> UnixSockets(IReadOnlyList<string>? bind) =>
        bind is not { Count: > 0 }
            ? []
            : bind
                .Where(b => b.StartsWith("unix:", StringComparison.Ordinal))
                .Select(b => b.StartsWith("unix://", StringComparison.Ordinal) ? b["unix://".Length..] : b["unix:".Length..])
                .Where(p => p.Length > 0)
                .ToArray();

    /// <summary>The TCP endpoints among <paramref name="bind"/> (<c>unix:</c> and <c>fd://</c> are not probed); none given: 127.0.0.1:8000.</summary>
    /// <param name="bind">The bind entries, or <see langword="null"/>.</param>
    /// <returns>The endpoints.</returns>
    public static IReadOnlyList<ListenEndpoint> TcpEndpoints(IReadOnlyList<string>? bind) =>
        bind is not { Count: > 0 }
            ? [new ListenEndpoint("127.0.0.1", 8000)]
            : bind
                .Where(b => !b.StartsWith("unix:", StringComparison.Ordinal) && !b.StartsWith("fd://", StringComparison.Ordinal))
                .Select(b => ListenEndpoint.Parse(b, "127.0.0.1", 8000))
                .OfType<ListenEndpoint>()
                .ToArray();
}
