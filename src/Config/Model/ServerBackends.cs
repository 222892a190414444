using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>The backends known by name in configuration (<c>"Backend": "Waitress"</c>).</summary>
public static class ServerBackends
{
    /// <summary>Waitress, the pure-Python WSGI server (<c>waitress-serve</c>).</summary>
    public static WaitressBackend Waitress { get; } = new WaitressBackend();

    /// <summary>Gunicorn, the pre-fork WSGI server (<c>gunicorn</c>).</summary>
    public static GunicornBackend Gunicorn { get; } = new GunicornBackend();

    /// <summary>Uvicorn serving an ASGI app (<c>python -m uvicorn</c>).</summary>
    public static UvicornBackend Uvicorn { get; } = new UvicornBackend(wsgi: false);

    /// <summary>Uvicorn serving a WSGI app (<c>python -m uvicorn --interface=wsgi</c>).</summary>
    public static UvicornBackend UvicornWsgi { get; } = new UvicornBackend(wsgi: true);

    /// <summary>Granian serving an ASGI app (<c>granian --interface=asgi</c>).</summary>
    public static GranianBackend Granian { get; } = new GranianBackend(wsgi: false);

    /// <summary>Granian serving a WSGI app (<c>granian --interface=wsgi</c>).</summary>
    public static GranianBackend GranianWsgi { get; } = new GranianBackend(wsgi: true);

    private static readonly ServerBackend[] All = [Waitress, Gunicorn, Uvicorn, UvicornWsgi, Granian, GranianWsgi];

    /// <summary>The names accepted in configuration.</summary>
    public static IEnumerable<string> Names => All.Select(b => b.Name);

    /// <summary>Finds a backend by its configuration name, ignoring case.</summary>
    /// <param name="name">The name, for example <c>Waitress</c>.</param>
    /// <returns>The backend, or <see langword="null"/>.</returns>
    public static ServerBackend? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
