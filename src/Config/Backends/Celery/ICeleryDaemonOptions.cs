namespace ProdServer.Config;

/// <summary>The options <c>celery worker</c> and <c>celery beat</c> share: logging, pid file, privileges and detaching.</summary>
public interface ICeleryDaemonOptions
{
    /// <summary><c>--detach</c>: fork into the background. Refused by the validators: a detached server escapes supervision.</summary>
    bool? Detach { get; }

    /// <summary><c>--loglevel</c>: the log threshold.</summary>
    CeleryLogLevel? LogLevel { get; }

    /// <summary><c>--logfile</c>: log to this file instead of stderr.</summary>
    string? LogFile { get; }

    /// <summary><c>--pidfile</c>: file receiving the PID.</summary>
    string? PidFile { get; }

    /// <summary><c>--uid</c>: user name or uid to drop privileges to.</summary>
    string? Uid { get; }

    /// <summary><c>--gid</c>: group name or gid to drop privileges to.</summary>
    string? Gid { get; }

    /// <summary><c>--umask</c>: the umask, a leading 0 meaning octal (<c>022</c>), otherwise decimal.</summary>
    string? Umask { get; }

    /// <summary><c>--executable</c>: the Python used when re-executing for <c>--detach</c>.</summary>
    string? Executable { get; }
}
