using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Where uvicorn listens: `--host`/`--port` (default 127.0.0.1:8000), nothing on a Unix socket or an inherited fd.</summary>
internal sealed partial class UvicornBackend
{
    /// <inheritdoc />
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process) =>
        process?.Args is UvicornArgs { Uds: null, Fd: null } args
            ? [new ListenEndpoint(args.Host ?? "127.0.0.1", args.Port ?? 8000)]
            : [];

    /// <inheritdoc />
    public override IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) =>
        process?.Args is UvicornArgs { Uds: { Length: > 0 } path } ? [path] : [];

    /// <inheritdoc />
    /// <remarks>
    /// A single uvicorn loads the app before it binds; with <c>--reload</c> or more than one worker a supervising parent
    /// binds first and its children load the app afterwards.
    /// </remarks>
    public override bool ListensOnceAppLoaded(ProcessDefinition process) =>
        process?.Args is UvicornArgs { Reload: not true, Workers: null or <= 1 };
}
