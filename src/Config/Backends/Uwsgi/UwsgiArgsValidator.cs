using System.Text.RegularExpressions;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>
/// What <c>uwsgi</c> silently misreads (numbers through atoi, short umasks, log filters without <c>--disable-logging</c>) or
/// crashes on (<c>--chmod-socket=0660</c>), and the master it needs to stop gracefully, checked before launch.
/// </summary>
internal sealed partial class UwsgiArgsValidator : AbstractValidator<UwsgiArgs>
{
    /// <summary>Creates the validator.</summary>
    public UwsgiArgsValidator()
    {
        // Without the master, SIGTERM kills the only process at once (exit 30), and Harakiri or MaxRequests end the whole
        // server with exit 0 instead of respawning a worker: nothing the supervisor could tell from a clean exit.
        RuleFor(a => a.Master).Equal(true)
            .WithMessage("Master must be true: without uWSGI's master, SIGTERM kills it at once (exit 30) and Harakiri or MaxRequests end the whole server instead of recycling a worker.");

        // Bad numbers never reach an error in uwsgi: 0 workers exit 0 at once, a 0 backlog or buffer breaks every request.
        RuleFor(a => a.Cheaper).LessThan(a => a.Processes ?? 1).When(a => a.Cheaper is > 0)
            .WithMessage("Cheaper must be below Processes (the most workers adaptive mode may start).");
        RuleFor(a => a.CheaperInitial).LessThanOrEqualTo(a => a.Processes ?? 1).When(a => a.CheaperInitial is not null)
            .WithMessage("CheaperInitial must not exceed Processes.");
        RuleFor(a => a.HarakiriGracefulTimeout).Null().When(a => a.Harakiri is null or 0)
            .WithMessage("HarakiriGracefulTimeout needs Harakiri: there is no harakiri to make graceful.");
        RuleFor(a => a.MaxRequestsDelta).Null().When(a => a.MaxRequests is null or 0)
            .WithMessage("MaxRequestsDelta needs MaxRequests: the delta is added to it.");

        // --chmod-socket=0660 is exit 1; a umask shorter than three digits is only logged, and the umask becomes 000.
        RuleFor(a => a.ChmodSocket).MatchesWhenSet(ThreeOctalDigits).When(a => a.ChmodSocket is not null)
            .WithMessage("ChmodSocket must be exactly three octal digits such as 660 (uwsgi rejects '{PropertyValue}').");
        RuleFor(a => a.Umask).MatchesWhenSet(Umask).When(a => a.Umask is not null)
            .WithMessage("Umask must be three octal digits, or four with a leading 0, such as 027; uwsgi turns '{PropertyValue}' into umask 000.");

        // Filters and companions uwsgi accepts and then ignores without a word.
        RuleFor(a => a.Log4xx).NotEqual(true).When(a => a.DisableLogging != true)
            .WithMessage("Log4xx needs DisableLogging: without it every request line is logged anyway.");
        RuleFor(a => a.Log5xx).NotEqual(true).When(a => a.DisableLogging != true)
            .WithMessage("Log5xx needs DisableLogging: without it every request line is logged anyway.");
        RuleFor(a => a.LogSlow).Null().When(a => a.DisableLogging != true)
            .WithMessage("LogSlow needs DisableLogging: without it every request line is logged anyway.");
        RuleFor(a => a.LogMaxSize).Null().When(a => a.LogTo is null && a.LogTo2 is null)
            .WithMessage("LogMaxSize needs LogTo or LogTo2: it rotates that file, and there is none.");
        RuleFor(a => a.StatsHttp).NotEqual(true).When(a => a.Stats is null)
            .WithMessage("StatsHttp needs Stats: it changes the stats server, and there is none.");
        RuleFor(a => a.HttpTimeout).Null().When(a => a.Http is not { Count: > 0 })
            .WithMessage("HttpTimeout needs Http: it is the --http router's timeout (HttpSocket has SocketTimeout).");
        RuleFor(a => a.HttpKeepalive).Null().When(a => a.Http is not { Count: > 0 })
            .WithMessage("HttpKeepalive needs Http: it is the --http router's keep-alive.");

        // Without any socket uwsgi stops with "The -s/--socket option is missing"; an ini file may give one instead.
        RuleFor(a => a.HttpSocket).NotEmpty()
            .When(a => a.Socket is not { Count: > 0 } && a.HttpsSocket is not { Count: > 0 } && a.Http is not { Count: > 0 } && a.Ini is not { Count: > 0 })
            .WithMessage("uwsgi needs somewhere to listen: set HttpSocket (HTTP from the workers), Socket (the uwsgi protocol, for nginx), HttpsSocket or Http.");
        RuleForEach(a => a.HttpSocket).Must(UwsgiAddress.IsValid).WithMessage("HttpSocket entry '{PropertyValue}' must be HOST:PORT, :PORT or a Unix socket path.");
        RuleForEach(a => a.Socket).Must(UwsgiAddress.IsValid).WithMessage("Socket entry '{PropertyValue}' must be HOST:PORT, :PORT or a Unix socket path.");
        RuleForEach(a => a.Http).Must(UwsgiAddress.IsValid).WithMessage("Http entry '{PropertyValue}' must be HOST:PORT or :PORT.");

        RuleForEach(a => a.Env).Must(e => e.IndexOf('=', System.StringComparison.Ordinal) > 0)
            .WithMessage("Env entry '{PropertyValue}' must be KEY=VALUE.");
        RuleForEach(a => a.Mount).Must(e => e.IndexOf('=', System.StringComparison.Ordinal) > 0)
            .WithMessage("Mount entry '{PropertyValue}' must be MOUNTPOINT=MODULE[:CALLABLE] or MOUNTPOINT=FILE.");
        RuleForEach(a => a.StaticMap).Must(e => e.StartsWith('/') && e.IndexOf('=', System.StringComparison.Ordinal) > 1)
            .WithMessage("StaticMap entry '{PropertyValue}' must be /URL=DIRECTORY.");
        RuleForEach(a => a.AddHeader).Must(e => e.IndexOf(':', System.StringComparison.Ordinal) > 0)
            .WithMessage("AddHeader entry '{PropertyValue}' must be 'Name: value'.");

        this.NotEmptyWhenSet(a => a.LogFormat, nameof(UwsgiArgs.LogFormat));
        this.NotEmptyWhenSet(a => a.LogDate, nameof(UwsgiArgs.LogDate));
        this.NotEmptyWhenSet(a => a.LogTo, nameof(UwsgiArgs.LogTo));
        this.NotEmptyWhenSet(a => a.Callable, nameof(UwsgiArgs.Callable));

        this.ExtraArgs(a => a.ExtraArgs);
    }

    [GeneratedRegex("^[0-7]{3}\\z")]
    private static partial Regex ThreeOctalDigits();

    [GeneratedRegex("^0?[0-7]{3}\\z")]
    private static partial Regex Umask();
}
