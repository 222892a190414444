using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config;

/// <summary>Where waitress listens, read the way waitress reads its options.</summary>
internal sealed partial class WaitressBackend
{
    private const string ListenDefaultHost = "0.0.0.0";
    private const int ListenDefaultPort = 8080;

    /// <inheritdoc />
    /// <remarks>
    /// <c>--listen</c> entries when given (<c>HOST:PORT</c>, <c>[v6]:PORT</c>, <c>*:PORT</c>); otherwise <c>--host</c> and
    /// <c>--port</c> with waitress's defaults (<c>0.0.0.0:8080</c>); nothing for a Unix socket.
    /// </remarks>
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process)
    {
        if (process?.Args is not WaitressArgs args || args.UnixSocket is not null)
        {
            return [];
        }

        if (args.Listen is { Count: > 0 } listen)
        {
            var endpoints = new List<ListenEndpoint>();
            foreach (var entry in listen)
            {
                if (ParseListen(entry) is { } endpoint)
                {
                    endpoints.Add(endpoint);
                }
            }

            return endpoints;
        }

        return [new ListenEndpoint(args.Host ?? ListenDefaultHost, args.Port ?? ListenDefaultPort)];
    }

    /// <inheritdoc />
    /// <remarks>waitress-serve imports the app before it creates its server and binds.</remarks>
    public override bool ListensOnceAppLoaded(ProcessDefinition process) => true;

    // waitress takes a bare host with its default port.
    /// <inheritdoc />
    public override IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) =>
        process?.Args is WaitressArgs { UnixSocket: { Length: > 0 } path } ? [path] : [];

    private static ListenEndpoint? ParseListen(string entry) => ListenEndpoint.Parse(entry, ListenDefaultHost, ListenDefaultPort);
}
