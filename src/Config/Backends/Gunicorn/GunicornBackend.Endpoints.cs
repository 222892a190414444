using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Where gunicorn listens, read the way gunicorn reads <c>--bind</c>.</summary>
internal sealed partial class GunicornBackend
{
    /// <inheritdoc />
    /// <remarks>
    /// Each <c>--bind</c> that is a TCP address (<c>unix:</c> and <c>fd://</c> are not); without <c>--bind</c>, gunicorn's
    /// default <c>127.0.0.1:8000</c>. A bare host gets port 8000, as in gunicorn.
    /// </remarks>
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process)
    {
        return process?.Args is GunicornArgs args ? SocketBind.TcpEndpoints(args.Bind) : [];
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) =>
        process?.Args is GunicornArgs args ? SocketBind.UnixSockets(args.Bind) : [];

    /// <inheritdoc />
    /// <remarks>gunicorn changes into <c>--chdir</c> before it binds: <c>--chdir sub -b unix:rel.sock</c> listens on <c>sub/rel.sock</c>.</remarks>
    internal override string? GetBindDirectory(ProcessDefinition process) =>
        process.Args is GunicornArgs { Chdir: { Length: > 0 } chdir } ? chdir : null;

    /// <inheritdoc />
    /// <remarks>
    /// Its pid file, which it replaces (a temporary file renamed over it), and its log files (<c>-</c>, stdout or stderr,
    /// is none); gunicorn changes into <c>--chdir</c> while it loads its configuration, before it writes any of them.
    /// </remarks>
    internal override IEnumerable<WrittenFile> GetWrittenFiles(ProcessDefinition process) =>
        process.Args is GunicornArgs a
            ? base.GetWrittenFiles(process)
                .Concat(WrittenFile.Set((a.Pid, nameof(a.Pid))).Select(f => f.AsReplaced()))
                .Concat(WrittenFile.Set((a.AccessLogfile, nameof(a.AccessLogfile)), (a.ErrorLogfile, nameof(a.ErrorLogfile))))
                .Select(f => f.From(a.Chdir))
            : base.GetWrittenFiles(process);

    /// <inheritdoc />
    /// <remarks>Only with <c>--preload</c>: otherwise the master binds first and each worker imports the app after it forks.</remarks>
    public override bool ListensOnceAppLoaded(ProcessDefinition process) => process?.Args is GunicornArgs { Preload: true };
}
