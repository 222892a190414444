using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// The readiness of a process as a command an orchestrator can run inside the app's image (Compose's
/// <c>healthcheck.test</c>): the image runs Django, so it has Python, and Python's standard library asks the port or the
/// readiness path without curl or wget being installed.
/// </summary>
internal static class HealthCheck
{
    /// <summary>The <c>CMD</c> test for <paramref name="process"/>, or <see langword="null"/> when it listens on no TCP port.</summary>
    public static IReadOnlyList<string>? For(ProcessDefinition process)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        if (endpoints.Count == 0)
        {
            return null;
        }

        var port = endpoints[0].Port.ToString(CultureInfo.InvariantCulture);
        var python = process.Python ?? "python3";
        var script = process.Readiness.Path is { } path
            ? "import sys, urllib.request as u\n"
              + "try: s = u.urlopen('http://127.0.0.1:" + port + path + "', timeout=2).status\n"
              + "except u.HTTPError as e: s = e.code\n"
              + "sys.exit(0 if s == " + process.Readiness.Status.ToString(CultureInfo.InvariantCulture) + " else 1)"
            : "import socket; socket.create_connection(('127.0.0.1', " + port + "), 2).close()";
        return ["CMD", python, "-c", script];
    }
}
