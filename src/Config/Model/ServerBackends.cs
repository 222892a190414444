using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>The backends known by name in configuration (<c>"Backend": "Waitress"</c>).</summary>
public static class ServerBackends
{
    /// <summary>Waitress, the pure-Python WSGI server (<c>waitress-serve</c>).</summary>
    public static WaitressBackend Waitress { get; } = new WaitressBackend();

    private static readonly ServerBackend[] All = [Waitress];

    /// <summary>The names accepted in configuration.</summary>
    public static IEnumerable<string> Names => All.Select(b => b.Name);

    /// <summary>Finds a backend by its configuration name, ignoring case.</summary>
    /// <param name="name">The name, for example <c>Waitress</c>.</param>
    /// <returns>The backend, or <see langword="null"/>.</returns>
    public static ServerBackend? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
