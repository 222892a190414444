using System;

namespace ProdServer.Config;

/// <summary>The constraints <c>hypercorn</c> enforces with a traceback, or silently ignores (an insecure bind without TLS), checked before launch.</summary>
internal static class HypercornArgsRules
{
    private static readonly string[] LogLevels = ["debug", "info", "warning", "error", "critical"];

    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(HypercornArgs a, ArgsProblems found)
    {
        found.Each(a.Bind, nameof(a.Bind), SocketBind.IsValid, e => $"Bind entry {Quoted.Value(e)} must be HOST:PORT, HOST, unix:PATH or fd://N{SocketBind.SeveralHint(e)}.");
        found.Each(a.InsecureBind, nameof(a.InsecureBind), SocketBind.IsValid, e => $"InsecureBind entry {Quoted.Value(e)} must be HOST:PORT, HOST, unix:PATH or fd://N{SocketBind.SeveralHint(e)}.");

        // hypercorn serves TLS only with both files, and ignores the extra binds without a word otherwise.
        var tls = a.CertFile is not null && a.KeyFile is not null;
        found.If(a.CertFile is not null && a.KeyFile is null, nameof(a.KeyFile),
            "KeyFile is required with CertFile: hypercorn serves plain HTTP unless both are set.");
        found.If(a.KeyFile is not null && a.CertFile is null, nameof(a.CertFile),
            "CertFile is required with KeyFile: hypercorn serves plain HTTP unless both are set.");
        found.If(a.InsecureBind is not null && !tls, nameof(a.InsecureBind), "InsecureBind needs CertFile and KeyFile: hypercorn ignores it otherwise.");
        found.If(a.QuicBind is not null && !tls, nameof(a.QuicBind), "QuicBind needs CertFile and KeyFile: hypercorn ignores it otherwise.");
        found.If(a.KeyFilePassword is not null && a.KeyFile is null, nameof(a.KeyFilePassword), "KeyFilePassword needs KeyFile.");
        found.If(a.Group is not null && a.User is null, nameof(a.User), "Group needs User: hypercorn changes the socket's owner only when both are set.");
        found.If(a.User is not null && a.Group is null, nameof(a.Group), "User needs Group: hypercorn changes the socket's owner only when both are set.");

        found.If(a.Reload == true && a.Workers != 1, nameof(a.Workers),
            "Reload needs Workers = 1: hypercorn refuses reloading with several workers (0.13) or in the main process (0.18).");
        found.If(a.MaxRequestsJitter is not null && a.MaxRequests is null, nameof(a.MaxRequestsJitter),
            "MaxRequestsJitter needs MaxRequests: the jitter is added to it.");

        // Any other name is a ValueError traceback from logging.
        found.If(a.LogLevel is not null && !IsLogLevel(a.LogLevel.Trim()), nameof(a.LogLevel),
            $"LogLevel '{a.LogLevel}' must be debug, info, warning, error or critical.");
        found.NotEmptyWhenSet(a.AccessLogfile, nameof(a.AccessLogfile));
        found.NotEmptyWhenSet(a.ErrorLogfile, nameof(a.ErrorLogfile));

        found.ExtraArgs(a, a.ExtraArgs);
    }

    private static bool IsLogLevel(string level)
    {
        foreach (var known in LogLevels)
        {
            if (string.Equals(known, level, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
