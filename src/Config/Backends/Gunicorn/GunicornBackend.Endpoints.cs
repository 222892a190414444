using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Where gunicorn listens, read the way gunicorn reads <c>--bind</c>.</summary>
public sealed partial class GunicornBackend
{
    /// <inheritdoc />
    /// <remarks>
    /// Each <c>--bind</c> that is a TCP address (<c>unix:</c> and <c>fd://</c> are not); without <c>--bind</c>, gunicorn's
    /// default <c>127.0.0.1:8000</c>. A bare host gets port 8000, as in gunicorn.
    /// </remarks>
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process)
    {
        if (process?.Args is not GunicornArgs args)
        {
            return [];
        }

        if (args.Bind is not { Count: > 0 } bind)
        {
            return [new ListenEndpoint("127.0.0.1", 8000)];
        }

        return bind
            .Where(b => !b.StartsWith("unix:", StringComparison.Ordinal) && !b.StartsWith("fd://", StringComparison.Ordinal))
            .Select(b => ListenEndpoint.Parse(b, "127.0.0.1", 8000))
            .OfType<ListenEndpoint>()
            .ToArray();
    }

    /// <summary>SIGHUP: gunicorn reloads its configuration and replaces its workers gracefully.</summary>
    public override int? ReloadSignal => 1;
}
