using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// The readiness of a process as a command an orchestrator can run inside the app's image (Compose's
/// <c>healthcheck.test</c>, a Kubernetes exec probe): the image runs Django, so it has Python, and Python's standard
/// library asks the ports, the Unix sockets or the readiness path without curl or wget being installed. The scripts are
/// constants; the ports, socket paths and path reach them as arguments, so no configured value is ever Python source.
/// </summary>
internal static class HealthCheck
{
    // As the engine's probe (HttpProbe) and Kubernetes' httpGet: a redirect is an answer, not followed; the default 200
    // accepts any 200-399, another status must be answered exactly. Asked at the address the engine asks (127.0.0.1 for a
    // server on 0.0.0.0, [::1] for one on ::), which urllib also sends as the Host header, as the engine does.
    private const string AskPath =
        "import sys, urllib.request as u\n"
        + "class Stay(u.HTTPRedirectHandler): redirect_request = lambda *a: None\n"
        + "h = sys.argv[1] if ':' not in sys.argv[1] else '[' + sys.argv[1] + ']'\n"
        + "try: s = u.build_opener(Stay).open('http://' + h + ':' + sys.argv[2] + sys.argv[3], timeout=2).status\n"
        + "except u.HTTPError as e: s = e.code\n"
        + "w = int(sys.argv[4])\n"
        + "sys.exit(0 if s == w or (w == 200 and 200 <= s < 400) else 1)";

    // The readiness path of a server on Unix sockets alone (behind a front proxy), asked on its first socket as the engine
    // asks it (HttpProbe: Host: localhost, no redirect followed, the same statuses). Words: "cd" DIRECTORY before a
    // relative socket (as below), "unix" PATH, then the path and the status.
    private const string AskPathOnSocket =
        "import http.client as h, os, socket, sys\n"
        + "a = sys.argv[1:-2]\n"
        + "for k, v in zip(a[::2], a[1::2]):\n"
        + " if k == 'cd': os.chdir(v)\n"
        + " else: p = v\n"
        + "class C(h.HTTPConnection):\n"
        + " def connect(self): self.sock = socket.socket(socket.AF_UNIX); self.sock.settimeout(2); self.sock.connect(p)\n"
        + "c = C('localhost', timeout=2); c.request('GET', sys.argv[-2]); s = c.getresponse().status\n"
        + "w = int(sys.argv[-1])\n"
        + "sys.exit(0 if s == w or (w == 200 and 200 <= s < 400) else 1)";

    // Every address and port and every Unix socket the server listens on accepts a connection, as the engine requires of
    // them all (Readiness: each endpoint, then UnixSockets.Answers). Pairs of words: ADDRESS PORT, "unix" PATH, or "cd"
    // DIRECTORY before a relative socket, which is the server's from its working directory: joined to it, the path could
    // outgrow the 107 bytes a socket address holds, so the check goes there instead.
    private const string AskListeners =
        "import os, socket, sys\n"
        + "for a, p in zip(sys.argv[1::2], sys.argv[2::2]):\n"
        + " if a == 'cd': os.chdir(p)\n"
        + " elif a == 'unix': s = socket.socket(socket.AF_UNIX); s.settimeout(2); s.connect(p); s.close()\n"
        + " else: socket.create_connection((a, int(p)), 2).close()";

    /// <summary>
    /// The <c>CMD</c> test for <paramref name="process"/>, or <see langword="null"/> when it listens on no TCP port and no
    /// Unix socket (a worker: ready once it runs).
    /// </summary>
    /// <param name="process">The process.</param>
    /// <param name="contentRoot">The app's content root, from which the process's working directory resolves.</param>
    public static IReadOnlyList<string>? For(ProcessDefinition process, string contentRoot)
    {
        var endpoints = process.Backend.GetListenEndpoints(process);
        if (endpoints.Count > 0 && ReadinessPath(process) is { } path)
        {
            // As the engine: with a path, the path alone on the first TCP port.
            return ["CMD", Python(process), "-c", AskPath, Address(endpoints[0]), Port(endpoints[0]), path, process.Readiness.Status.ToString(CultureInfo.InvariantCulture)];
        }

        if (process.Backend.GetUnixSockets(process) is { Count: > 0 } sockets && ReadinessPath(process) is { } socketPath)
        {
            // As the engine: no TCP port, so the path on the first socket.
            return ["CMD", Python(process), "-c", AskPathOnSocket, .. SocketWords(process, ExportText.Process(process), sockets.Take(1).ToList(), contentRoot),
                socketPath, process.Readiness.Status.ToString(CultureInfo.InvariantCulture)];
        }

        return Listening(process, contentRoot);
    }

    /// <summary>
    /// The <c>CMD</c> test that every port and Unix socket of <paramref name="process"/> accepts a connection, whatever
    /// its readiness path (a liveness check), or <see langword="null"/> when it listens on none.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <param name="contentRoot">The app's content root, from which the process's working directory resolves.</param>
    public static IReadOnlyList<string>? Listening(ProcessDefinition process, string contentRoot)
    {
        var owner = ExportText.Process(process);
        var endpoints = process.Backend.GetListenEndpoints(process);
        var sockets = process.Backend.GetUnixSockets(process);
        if (endpoints.Count == 0 && sockets.Count == 0)
        {
            return null;
        }

        // The engine skips an address it cannot ask (a host name); with none left and no socket, the first port on loopback.
        var asked = endpoints.Where(e => PortCheck.ProbeAddress(e.Host) is not null).Distinct().ToList();
        var ports = asked.Count > 0 || sockets.Count > 0 ? asked : endpoints.Take(1);
        return ["CMD", Python(process), "-c", AskListeners, .. ports.SelectMany(e => new[] { Address(e), Port(e) }), .. SocketWords(process, owner, sockets, contentRoot)];
    }

    private static string Python(ProcessDefinition process) =>
        process.Python is { } configured ? ExportText.Carryable(ExportText.Process(process), "Python", configured) : "python3";

    private static IEnumerable<string> SocketWords(ProcessDefinition process, string owner, IReadOnlyList<string> sockets, string contentRoot)
    {
        var relative = false;
        foreach (var socket in sockets.Distinct())
        {
            ExportText.Carryable(owner, "its Unix socket", socket);
            if (!relative && !socket.StartsWith('/'))
            {
                // The directory the server binds from, as the engine resolves it (UnixSockets.Of): its working directory
                // below the app's content root, or the one it changes into first (gunicorn's Chdir).
                relative = true;
                yield return "cd";
                var working = Path.GetFullPath(ExportText.Carryable(owner, "WorkingDirectory", process.WorkingDirectory ?? "."), contentRoot);
                if (process.Backend.GetBindDirectory(process) is { } changed)
                {
                    ExportText.Carryable(owner, "the directory it binds its socket from", changed);
                }

                yield return UnixSockets.BindDirectory(process, working)!;
            }

            yield return "unix";
            yield return socket;
        }
    }

    private static string Address(ListenEndpoint endpoint) => (PortCheck.ProbeAddress(endpoint.Host) ?? System.Net.IPAddress.Loopback).ToString();

    private static string Port(ListenEndpoint endpoint) => endpoint.Port.ToString(CultureInfo.InvariantCulture);

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
