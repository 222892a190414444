using System;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>The constraints <c>uwsgi</c> itself enforces, or silently mishandles, checked before launch.</summary>
internal static partial class UwsgiArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(UwsgiArgs a, ArgsProblems found)
    {
        // Without the master, SIGTERM kills the only process at once (exit 30), and Harakiri or MaxRequests end the whole
        // server with exit 0 instead of respawning a worker: nothing the supervisor could tell from a clean exit.
        found.If(a.Master != true, nameof(a.Master),
            "Master must be true: without uWSGI's master, SIGTERM kills it at once (exit 30) and Harakiri or MaxRequests end the whole server instead of recycling a worker.");

        // Bad numbers never reach an error in uwsgi: 0 workers exit 0 at once, a 0 backlog or buffer breaks every request.
        found.If(a.Cheaper is > 0 && a.Cheaper >= (a.Processes ?? 1), nameof(a.Cheaper),
            "Cheaper must be below Processes (the most workers adaptive mode may start).");
        found.If(a.CheaperInitial is not null && a.CheaperInitial > (a.Processes ?? 1), nameof(a.CheaperInitial),
            "CheaperInitial must not exceed Processes.");
        found.If(a.HarakiriGracefulTimeout is not null && a.Harakiri is null or 0, nameof(a.HarakiriGracefulTimeout),
            "HarakiriGracefulTimeout needs Harakiri: there is no harakiri to make graceful.");
        found.If(a.MaxRequestsDelta is not null && a.MaxRequests is null or 0, nameof(a.MaxRequestsDelta),
            "MaxRequestsDelta needs MaxRequests: the delta is added to it.");

        // --chmod-socket=0660 is exit 1; a umask shorter than three digits is only logged, and the umask becomes 000.
        found.If(a.ChmodSocket is not null && !ThreeOctalDigits().IsMatch(a.ChmodSocket), nameof(a.ChmodSocket),
            $"ChmodSocket must be exactly three octal digits such as 660 (uwsgi rejects '{a.ChmodSocket}').");
        found.If(a.Umask is not null && !Umask().IsMatch(a.Umask), nameof(a.Umask),
            $"Umask must be three octal digits, or four with a leading 0, such as 027; uwsgi turns '{a.Umask}' into umask 000.");

        // Filters and companions uwsgi accepts and then ignores without a word.
        var logging = a.DisableLogging == true;
        found.If(a.Log4xx == true && !logging, nameof(a.Log4xx), "Log4xx needs DisableLogging: without it every request line is logged anyway.");
        found.If(a.Log5xx == true && !logging, nameof(a.Log5xx), "Log5xx needs DisableLogging: without it every request line is logged anyway.");
        found.If(a.LogSlow is not null && !logging, nameof(a.LogSlow), "LogSlow needs DisableLogging: without it every request line is logged anyway.");
        found.If(a.LogMaxSize is not null && a.LogTo is null && a.LogTo2 is null, nameof(a.LogMaxSize),
            "LogMaxSize needs LogTo or LogTo2: it rotates that file, and there is none.");
        found.If(a.StatsHttp == true && a.Stats is null, nameof(a.StatsHttp), "StatsHttp needs Stats: it changes the stats server, and there is none.");
        var http = a.Http is { Count: > 0 };
        found.If(a.HttpTimeout is not null && !http, nameof(a.HttpTimeout),
            "HttpTimeout needs Http: it is the --http router's timeout (HttpSocket has SocketTimeout).");
        found.If(a.HttpKeepalive is not null && !http, nameof(a.HttpKeepalive), "HttpKeepalive needs Http: it is the --http router's keep-alive.");

        // Without any socket uwsgi stops with "The -s/--socket option is missing"; an ini file may give one instead.
        found.If(a.HttpSocket is not { Count: > 0 } && a.Socket is not { Count: > 0 } && a.HttpsSocket is not { Count: > 0 } && !http && a.Ini is not { Count: > 0 },
            nameof(a.HttpSocket),
            "uwsgi needs somewhere to listen: set HttpSocket (HTTP from the workers), Socket (the uwsgi protocol, for nginx), HttpsSocket or Http.");
        found.Each(a.HttpSocket, nameof(a.HttpSocket), UwsgiAddress.IsValid, e => $"HttpSocket entry '{e}' must be HOST:PORT, :PORT or a Unix socket path.");
        found.Each(a.Socket, nameof(a.Socket), UwsgiAddress.IsValid, e => $"Socket entry '{e}' must be HOST:PORT, :PORT or a Unix socket path.");
        found.Each(a.Http, nameof(a.Http), UwsgiAddress.IsValid, e => $"Http entry '{e}' must be HOST:PORT or :PORT.");

        found.Each(a.Env, nameof(a.Env), ServerArgsRules.IsKeyValue, e => $"Env entry '{e}' must be KEY=VALUE.");
        found.Each(a.Mount, nameof(a.Mount), ServerArgsRules.IsKeyValue, e => $"Mount entry '{e}' must be MOUNTPOINT=MODULE[:CALLABLE] or MOUNTPOINT=FILE.");
        found.Each(a.StaticMap, nameof(a.StaticMap), e => e is not null && e.StartsWith('/') && e.IndexOf('=', StringComparison.Ordinal) > 1,
            e => $"StaticMap entry '{e}' must be /URL=DIRECTORY.");
        found.Each(a.AddHeader, nameof(a.AddHeader), e => e is not null && e.IndexOf(':', StringComparison.Ordinal) > 0,
            e => $"AddHeader entry '{e}' must be 'Name: value'.");

        found.NotEmptyWhenSet(a.LogFormat, nameof(a.LogFormat));
        found.NotEmptyWhenSet(a.LogDate, nameof(a.LogDate));
        found.NotEmptyWhenSet(a.LogTo, nameof(a.LogTo));
        found.NotEmptyWhenSet(a.Callable, nameof(a.Callable));

        found.ExtraArgs(a, a.ExtraArgs);
    }

    [GeneratedRegex("^[0-7]{3}\\z")]
    private static partial Regex ThreeOctalDigits();

    [GeneratedRegex("^0?[0-7]{3}\\z")]
    private static partial Regex Umask();
}
