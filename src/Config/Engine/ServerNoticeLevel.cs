using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// Notices servers print on stderr with no level, which would otherwise be warnings: uWSGI's start-up banner and stop
/// notices (about 25 lines per start) and a Celery worker's warm shutdown. Only the servers' own wording of facts is matched
/// (uWSGI 2.0, Debian's 2.0.21; Celery 5): their advice and warnings ("uWSGI running as root…", "*** WARNING: …",
/// "*** Python threads support is disabled…", a Celery worker's cold shutdown) and anything else keep stderr's level.
/// </summary>
internal static class ServerNoticeLevel
{
    // Lines that start so, as uWSGI 2.0 writes them.
    private static readonly string[] Prefixes =
    [
        "*** Starting uWSGI ", "compiled with version: ", "os: ", "nodename: ", "machine: ", "clock source: ", "pcre jit ",
        "detected number of CPU cores: ", "current working directory: ", "detected binary path: ", "your processes number limit is ",
        "your memory page size is ", "detected max file descriptor number: ", "lock engine: ", "thunder lock: ", "uwsgi socket ",
        "uWSGI http bound on ", "Python version: ", "Python main interpreter initialized at ",
        "your server socket listen backlog is limited to ", "your mercy for graceful operations on workers is ", "*** Operational MODE: ",
        "*** uWSGI is running in multiple interpreter mode ***", "spawned uWSGI ", "Gracefully killing worker ", "goodbye to uWSGI.",

        // A Celery worker's answer to SIGTERM (celery.apps.worker's safe_say), the graceful stop: "worker: Warm shutdown (MainProcess)".
        "worker: Warm shutdown (",
    ];

    /// <summary>Information for one of these notices, else <see langword="null"/>.</summary>
    /// <param name="line">One line of output.</param>
    /// <returns>Information, or <see langword="null"/>.</returns>
    public static LogLevel? Find(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || char.IsAsciiDigit(line[0]))
        {
            return null; // none starts so; an access line does (most lines that come this far)
        }

        foreach (var prefix in Prefixes)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return LogLevel.Information;
            }
        }

        // "mapped 218760 bytes (213 KB) for 2 cores", "WSGI app 0 (mountpoint='') ready in 0 seconds on interpreter …",
        // "worker 1 buried after 1 seconds", "Thu Dec  3 13:30:06 2026 - graceful shutdown triggered...",
        // "running "unix_signal:15 gracefully_kill_them_all" (master-start)..." (the SDK's own stop hook).
        return (line.StartsWith("mapped ", StringComparison.Ordinal) && line.EndsWith(" cores", StringComparison.Ordinal))
            || (line.StartsWith("WSGI app ", StringComparison.Ordinal) && line.Contains(" ready in ", StringComparison.Ordinal))
            || (line.StartsWith("worker ", StringComparison.Ordinal) && line.Contains(" buried after ", StringComparison.Ordinal))
            || line.EndsWith(" - graceful shutdown triggered...", StringComparison.Ordinal)
            || (line.StartsWith("running \"", StringComparison.Ordinal) && line.EndsWith(")...", StringComparison.Ordinal))
            ? LogLevel.Information
            : null;
    }
}
