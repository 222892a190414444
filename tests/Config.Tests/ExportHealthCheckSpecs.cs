using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config.Tests;

/// <summary>
/// The exported health check (Compose's healthcheck, a Kubernetes exec probe) asks what the engine's readiness asks: the
/// same address and Host header for the readiness path, every listening port for a port check. It asked 127.0.0.1 and
/// the first port only, so a server on <c>::</c> that takes IPv6 alone, or one port of two not listening, was judged
/// otherwise than by the launcher. Run for real: Debian's python3 runs the check against sockets this test holds.
/// </summary>
public sealed class ExportHealthCheckSpecs
{
    [Fact]
    public async Task A_readiness_path_is_asked_at_the_engines_address_with_its_host_header_also_for_a_server_on_ipv6_alone()
    {
        const int Port = 19440;
        using var listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = false };
        listener.Bind(new IPEndPoint(IPAddress.IPv6Any, Port));
        listener.Listen();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Answers 200 only to the Host the engine sends, as a Django site with ALLOWED_HOSTS answers 400 to another.
        var server = Serve(listener, head => head.Contains($"\r\nHost: [::1]:{Port}\r\n", StringComparison.Ordinal) ? "200 OK" : "400 Bad Request", stop.Token);
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "::", Port = Port } };
        web.Readiness.Path = "/health";

        var engine = await HttpProbe.StatusAsync(PortCheck.ProbeAddress("::")!, Port, "/health", stop.Token);
        var (code, output) = RunCheck(web);

        Assert.Equal(200, engine);
        Assert.True(code == 0, $"the health check failed where the engine's probe got 200 (exit {code}): {output}");
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
    }

    [Fact]
    public void A_port_check_needs_every_port_to_accept_as_the_engine_does()
    {
        var admin = new ProcessDefinition("admin", ServerBackends.Waitress)
        {
            App = "mysite.wsgi:application", Args = new WaitressArgs { Listen = ["0.0.0.0:19441", "0.0.0.0:19442"] },
        };
        using var first = new TcpListener(IPAddress.Loopback, 19441);
        first.Start();

        Assert.Equal(1, RunCheck(admin).Code); // 19442 does not accept yet: the engine would not call it ready either

        using var second = new TcpListener(IPAddress.Loopback, 19442);
        second.Start();
        var (code, output) = RunCheck(admin);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task A_server_on_a_unix_socket_alone_is_healthy_once_its_socket_accepts_as_the_engine_decides()
    {
        // It got no health check at all (and no probes): Compose's depends_on could only wait for it to start, and a
        // pod was Ready while gunicorn was still importing the app, or after it had died and left its socket file behind.
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "uds_hello.py"), "def app(environ, start_response):\n    start_response('200 OK', [])\n    return [b'hi']\n");
        var socket = Path.Combine(directory.Path, "run", "web.sock");
        Directory.CreateDirectory(Path.GetDirectoryName(socket)!);
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "uds_hello:app", Args = new GunicornArgs { Bind = ["unix:" + socket] } };

        Assert.Equal(1, RunCheck(web).Code); // no server yet: no socket file

        using var gunicorn = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "gunicorn", "--workers", "1", "--bind", "unix:" + socket, "uds_hello:app"])
        {
            WorkingDirectory = directory.Path, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        try
        {
            // Ready by the engine's own test of a socket, polled within a bound, not after a fixed sleep.
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!UnixSockets.Answers(socket))
            {
                if (gunicorn.HasExited)
                {
                    Assert.Fail("gunicorn exited: " + await gunicorn.StandardError.ReadToEndAsync());
                }

                await Task.Delay(50, budget.Token);
            }

            var (code, output) = RunCheck(web);
            Assert.True(code == 0, $"the health check failed where the engine calls the socket ready (exit {code}): {output}");
        }
        finally
        {
            gunicorn.Kill(entireProcessTree: true); // SIGKILL: gunicorn leaves its socket file behind, as a crashed server does
            await gunicorn.WaitForExitAsync();
        }

        // The worker holds the listening socket too, and dies a moment after the master has been reaped.
        using (var gone = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (UnixSockets.Answers(socket))
            {
                await Task.Delay(20, gone.Token);
            }
        }

        Assert.True(File.Exists(socket), "the killed gunicorn's socket file is gone; the stale-socket case is not tested");
        Assert.Equal(1, RunCheck(web).Code);
    }

    [Theory]
    [MemberData(nameof(UnixSocketServers.All), MemberType = typeof(UnixSocketServers))]
    public void Every_server_on_a_unix_socket_gets_a_compose_health_check_and_kubernetes_exec_probes_that_connect_to_it(string server)
    {
        var web = UnixSocketServers.Of(server, "/run/shop/web.sock");
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "mysite" };
        worker.DependsOn.Add("web");
        var deployment = new Deployment("shop", ["/srv/shop"], "/srv", [web, worker]) { Image = "shop:1.0" };

        var yaml = new YamlStream();
        yaml.Load(new StringReader(Exporter.Export(ExportTarget.Compose, deployment).Single().Content));
        var compose = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var pod = KubernetesObjects.Read(Exporter.Export(ExportTarget.Kubernetes, deployment).Single(f => f.Name == "shop-web.yaml").Content)
            .OfType<k8s.Models.V1Deployment>().Single().Spec.Template.Spec;

        var test = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)compose["web"])["healthcheck"])["test"]).Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Equal(["CMD", "python3", "-c"], test.Take(3));
        Assert.Equal(["unix", "/run/shop/web.sock"], test.Skip(4));
        // The worker now waits for the server to answer, not only to have started.
        Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)compose["worker"])["depends_on"])["web"])["condition"]).Value);
        var container = pod.Containers.Single();
        foreach (var probe in new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe })
        {
            Assert.Equal(test.Skip(1), probe.Exec.Command);
        }

        // The socket's directory is a writable volume of the pod (its root file system is read-only).
        Assert.Contains("/run/shop", container.VolumeMounts.Select(m => m.MountPath));
    }

    [Fact]
    public void A_relative_unix_socket_is_asked_from_the_servers_working_directory_however_long_its_full_path()
    {
        // Joined to a deep working directory the path no longer fits a socket address (107 bytes); the server binds it
        // relative, and so does the check.
        using var directory = new TemporaryDirectory();
        var deep = directory.CreateDirectory(string.Join('/', Enumerable.Repeat("a-rather-long-directory-name", 4)));
        Assert.True(Path.Combine(deep, "web.sock").Length > UnixSockets.MaxPathBytes);
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn)
        {
            App = "a:b", WorkingDirectory = Path.GetRelativePath(directory.Path, deep), Args = new GunicornArgs { Bind = ["unix:web.sock"] },
        };
        var (code, output) = RunCheckWhileListening(web, directory.Path, deep, "web.sock");

        Assert.True(code == 0, output);
        Assert.Equal(1, RunCheck(web, directory.Path).Code); // and once nothing listens there, it is not ready
    }

    [Theory]
    [InlineData("sub")] // relative to the working directory
    [InlineData(null)] // absolute: the working directory's own sub
    public void A_relative_unix_socket_of_gunicorn_with_chdir_is_asked_where_gunicorn_binds_it(string? chdir)
    {
        // gunicorn changes into --chdir before it binds: --chdir sub -b unix:rel.sock listens on sub/rel.sock.
        using var directory = new TemporaryDirectory();
        var sub = directory.CreateDirectory("sub");
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "a:b", Args = new GunicornArgs { Bind = ["unix:rel.sock"], Chdir = chdir ?? sub } };
        var (code, output) = RunCheckWhileListening(web, directory.Path, sub, "rel.sock");

        Assert.True(code == 0, output);
        Assert.Equal([Path.Combine(sub, "rel.sock")], UnixSockets.Of(web, directory.Path)); // where the engine asks too
    }

    [Fact]
    public async Task A_readiness_path_of_a_server_on_a_unix_socket_alone_is_asked_on_its_socket_as_the_engine_asks_it()
    {
        // The check only connected to the socket: a pod was Ready, and Compose's depends_on satisfied, while the app behind
        // a proxy still answered 503, though the engine waits for the path.
        using var directory = new TemporaryDirectory();
        var run = directory.CreateDirectory("run");
        var socket = Path.Combine(run, "web.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socket));
        listener.Listen();
        var ready = false;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // 503 until ready; then 200, and only to the Host the engine sends (a Django site answers 400 to a host it does not allow).
        var server = Serve(listener, head =>
            !head.StartsWith("GET /health HTTP/1.1\r\n", StringComparison.Ordinal) ? "404 Not Found"
            : !head.Contains("\r\nHost: localhost\r\n", StringComparison.OrdinalIgnoreCase) ? "400 Bad Request"
            : Volatile.Read(ref ready) ? "200 OK" : "503 Service Unavailable", stop.Token);
        var web = new ProcessDefinition("web", ServerBackends.Gunicorn) { App = "a:b", WorkingDirectory = "run", Args = new GunicornArgs { Bind = ["unix:web.sock"] } };
        web.Readiness.Path = "/health";

        Assert.Equal(503, await HttpProbe.StatusAsync(socket, "/health", stop.Token));
        Assert.Equal(1, RunCheck(web, directory.Path).Code); // the socket accepts, but the app is not ready

        Volatile.Write(ref ready, true);
        Assert.Equal(200, await HttpProbe.StatusAsync(socket, "/health", stop.Token));
        var (code, output) = RunCheck(web, directory.Path);
        Assert.True(code == 0, $"the health check failed where the engine's probe got 200 (exit {code}): {output}");
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
    }

    // An HTTP server on listener until stopped: each request's head (one read) gets the status line status(head) gives.
    private static Task Serve(Socket listener, Func<string, string> status, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptAsync(stop);
            var request = new byte[4096];
            var read = await client.ReceiveAsync(request, SocketFlags.None, stop);
            var answer = status(Encoding.ASCII.GetString(request, 0, read));
            await client.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {answer}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), SocketFlags.None);
            client.Shutdown(SocketShutdown.Both);
        }
    });

    // The check run while Python listens on socketName, bound relative in directory as a server binds it (the test's own
    // working directory stays as it is).
    private static (int Code, string Output) RunCheckWhileListening(ProcessDefinition process, string contentRoot, string directory, string socketName)
    {
        using var listener = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-c", "import socket, sys\ns = socket.socket(socket.AF_UNIX)\ns.bind(sys.argv[1])\ns.listen()\nprint('listening', flush=True)\nsys.stdin.read()", socketName])
        {
            WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true,
        })!;
        Assert.Equal("listening", listener.StandardOutput.ReadLine());
        try
        {
            return RunCheck(process, contentRoot);
        }
        finally
        {
            listener.StandardInput.Close();
            listener.WaitForExit();
        }
    }

    // The CMD test as Compose runs it: the words after "CMD", with Debian's python3 in place of the image's.
    private static (int Code, string Output) RunCheck(ProcessDefinition process, string contentRoot = "/srv")
    {
        var words = HealthCheck.For(process, contentRoot)!.Skip(1).ToList();
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in words.Skip(1))
        {
            info.ArgumentList.Add(word);
        }

        using var check = Process.Start(info)!;
        var output = check.StandardOutput.ReadToEndAsync();
        var error = check.StandardError.ReadToEndAsync();
        Assert.True(check.WaitForExit(TimeSpan.FromSeconds(20)), "the health check did not finish");
        return (check.ExitCode, output.Result + error.Result);
    }
}
