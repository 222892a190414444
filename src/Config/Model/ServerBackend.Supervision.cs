using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>The hooks the supervisor asks a backend about: where it listens and how it reloads.</summary>
public abstract partial class ServerBackend
{
    /// <summary>
    /// The TCP endpoints the server will listen on with <paramref name="process"/>'s options, read from its args (for
    /// Waitress: <c>Host</c>/<c>Port</c> or <c>Listen</c>). The engine checks before each start that they are free (so a
    /// port in use fails at once, naming the port) and, unless a readiness path is configured, calls the process ready
    /// once they accept connections. Default: none (a Unix socket, or a worker that does not listen).
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>The endpoints, possibly empty.</returns>
    public virtual IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process) => [];

    /// <summary>
    /// The signals the server acts on, of those <c>&lt;app&gt; signal</c> sends (<c>HUP</c>, <c>USR1</c>, <c>USR2</c>,
    /// <c>TTIN</c>, <c>TTOU</c>): a server without a handler for one is ended by it (HUP, USR1, USR2) or suspended (TTIN, TTOU),
    /// so the command refuses the others. Default: none. Verified on Debian's binaries: gunicorn all five, uWSGI HUP, a Celery
    /// worker USR1; waitress and uvicorn none.
    /// </summary>
    public virtual IReadOnlyList<string> HandledSignals => [];

    /// <summary>
    /// The Unix socket paths the server will listen on with <paramref name="process"/>'s options (gunicorn's
    /// <c>--bind=unix:PATH</c>, uvicorn's <c>--uds</c>, …), as configured: a relative path is the server's, from its
    /// working directory. The engine refuses a start when a server already answers on one (a second host of the app would
    /// otherwise replace the first one's socket), and calls the process ready once each accepts connections, as for
    /// <see cref="GetListenEndpoints"/>. Default: none.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>The paths, possibly empty.</returns>
    public virtual IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) => [];

    /// <summary>
    /// The directory the server changes into before it binds a relative <see cref="GetUnixSockets"/> path (gunicorn's
    /// <c>--chdir</c>), absolute or relative to its working directory; <see langword="null"/> when it binds from its
    /// working directory. Default: none.
    /// </summary>
    /// <param name="process">The process.</param>
    internal virtual string? GetBindDirectory(ProcessDefinition process) => null;

    /// <summary>
    /// The files the server creates or rewrites with <paramref name="process"/>'s options (pid files, log files, a Celery
    /// beat's schedule) and its Unix sockets, as configured. The engine checks before each start that each can be written
    /// (one line naming the setting instead of a server failing StartRetries times), and an export leaves their directories
    /// writable under a read-only file system. Default: the <see cref="GetUnixSockets"/>.
    /// </summary>
    internal virtual IEnumerable<WrittenFile> GetWrittenFiles(ProcessDefinition process)
    {
        foreach (var socket in GetUnixSockets(process))
        {
            yield return new WrittenFile(socket, "its Unix socket") { Replaced = true };
        }
    }

    /// <summary>
    /// Whether the server opens its <see cref="GetListenEndpoints"/> only once it has imported the app, so that a port
    /// that accepts connections means the server is about to answer (<c>waitress-serve</c>, a single uvicorn, daphne,
    /// gunicorn with <c>--preload</c>; not a gunicorn master, which binds before its workers import the app). A launcher
    /// starting from a cached launch plan lets the server start alone and builds the host once its ports are open; for a
    /// server that says <see langword="false"/>, once they are open and its processes have gone quiet, for at most a second
    /// (docs/operations.md#spawn-first). Default <see langword="false"/>.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns><see langword="true"/> when an open port means the app is loaded.</returns>
    public virtual bool ListensOnceAppLoaded(ProcessDefinition process) => false;

    /// <summary>
    /// Whether the stop signal goes to the server's whole process group (systemd's <c>KillMode=control-group</c>, supervisord's
    /// <c>stopasgroup=true</c>), or to the main process only (<c>KillMode=mixed</c>), for a server whose master must
    /// shut its children down itself (a Celery prefork worker finishing its tasks). The final SIGKILL always goes to the
    /// whole group, and whatever is left when the main process exits is killed. Default <see langword="true"/>.
    /// </summary>
    public virtual bool StopSignalToGroup => true;

    /// <summary>
    /// How often the stop signal is sent again while the server has not exited, or <see langword="null"/> to send it once
    /// (the default). For a server whose worker processes can miss the first one and whose handler is safe to run twice: a
    /// gunicorn worker runs with its master's signal handlers from its fork until it installs its own, so a SIGTERM in
    /// that window is lost and the master then waits out its graceful timeout; a repeated SIGTERM only repeats "finish
    /// your requests and exit". Never for a server that takes a second stop signal as "exit now" (rq's worker: a second SIGTERM
    /// is its cold shutdown, which abandons the running job).
    /// </summary>
    /// <remarks>Asked only when the server finds no configuration file of its own (<see cref="GetImplicitConfigFiles"/>): the
    /// typed options then say everything it runs.</remarks>
    /// <param name="process">The process.</param>
    /// <returns>The interval (100 ms to 1 h: anything else refuses the launch, naming the process), or <see langword="null"/>.</returns>
    public virtual TimeSpan? GetStopSignalRepeat(ProcessDefinition process) => null;
}

/// <summary>A TCP endpoint a server listens on.</summary>
/// <param name="Host">The address as configured: an IP address, <c>0.0.0.0</c>/<c>::</c>/<c>*</c> for every interface, or a host name.</param>
/// <param name="Port">The port.</param>
public sealed record ListenEndpoint(string Host, int Port)
{
    /// <summary>
    /// Reads <c>HOST:PORT</c>, <c>[v6]:PORT</c>, <c>:PORT</c> or a bare <c>HOST</c> (with <paramref name="defaultPort"/>), the
    /// way waitress's <c>--listen</c> and gunicorn's <c>--bind</c> write them.
    /// </summary>
    /// <param name="entry">The address.</param>
    /// <param name="defaultHost">The host for an entry that gives only a port.</param>
    /// <param name="defaultPort">The port for an entry that gives only a host.</param>
    /// <returns>The endpoint, or <see langword="null"/> when the port is not a number.</returns>
    public static ListenEndpoint? Parse(string entry, string defaultHost, int defaultPort)
    {
        return HostPort.TrySplit(entry, out var host, out var port)
            ? new ListenEndpoint(host.Length == 0 ? defaultHost : host, port ?? defaultPort)
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':') && !Host.StartsWith('[') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
