using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// The readiness of a process as a command an orchestrator can run inside the app's image (Compose's
/// <c>healthcheck.test</c>): the image runs Django, so it has Python, and Python's standard library asks the port or the
/// readiness path without curl or wget being installed. The script is a constant; the port and path reach it as
/// arguments, so no configured value is ever Python source.
/// </summary>
internal static class HealthCheck
{
    // As the engine's probe (HttpProbe) and Kubernetes' httpGet: a redirect is an answer, not followed; the default 200
    // accepts any 200-399, another status must be answered exactly.
    private const string AskPath =
        "import sys, urllib.request as u\n"
        + "class Stay(u.HTTPRedirectHandler): redirect_request = lambda *a: None\n"
        + "try: s = u.build_opener(Stay).open('http://127.0.0.1:' + sys.argv[1] + sys.argv[2], timeout=2).status\n"
        + "except u.HTTPError as e: s = e.code\n"
        + "w = int(sys.argv[3])\n"
        + "sys.exit(0 if s == w or (w == 200 and 200 <= s < 400) else 1)";

    private const string AskPort = "import socket, sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 2).close()";

    /// <summary>The <c>CMD</c> test for <paramref name="process"/>, or <see langword="null"/> when it listens on no TCP port.</summary>
    public static IReadOnlyList<string>? For(ProcessDefinition process)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        if (endpoints.Count == 0)
        {
            return null;
        }

        var port = endpoints[0].Port.ToString(CultureInfo.InvariantCulture);
        var python = process.Python is { } configured ? ExportText.Carryable(ExportText.Process(process), "Python", configured) : "python3";
        return ReadinessPath(process) is { } path
            ? ["CMD", python, "-c", AskPath, port, path, process.Readiness.Status.ToString(CultureInfo.InvariantCulture)]
            : ["CMD", python, "-c", AskPort, port];
    }

    /// <summary>
    /// The readiness path, refused unless it is a path on the server: one that does not start with <c>/</c> would
    /// change the URL's host (<c>@other.example/</c>) once appended to <c>http://127.0.0.1:PORT</c>.
    /// </summary>
    public static string? ReadinessPath(ProcessDefinition process)
    {
        if (process.Readiness.Path is not { } path)
        {
            return null;
        }

        var owner = ExportText.Process(process);
        ExportText.Carryable(owner, "Readiness:Path", path);
        return path.StartsWith('/')
            ? path
            : throw ExportText.Refused(owner, "Readiness:Path", $"'{ExportText.Printable(path)}' must start with '/'");
    }
}
