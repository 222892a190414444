using System;
using System.Collections.Generic;
using System.Linq;
using k8s.Models;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The probes for every shape of listen address, read back by the official client. The kubelet's <c>tcpSocket</c> and
/// <c>httpGet</c> connect to the pod's IP: they reach a server on every IPv4 address, but one on <c>[::]</c> only where the
/// pod's IP is IPv6 or the server also takes IPv4 there (waitress and uvicorn do not), so it was never Ready in an IPv4
/// cluster although the launcher called it ready; asked in the container, as the engine asks it, it is.
/// </summary>
public sealed class KubernetesListenShapeSpecs
{
    private static Deployment Shop(ProcessDefinition process) => new("shop", ["/srv/shop"], "/srv", [process]) { Image = "shop:1.0" };

    private static V1Container Container(ProcessDefinition process, List<string>? notes = null)
    {
        var file = Exporter.Export(ExportTarget.Kubernetes, Shop(process), notes ?? []).Single(f => f.Name == "shop-web.yaml");
        return KubernetesObjects.Read(file.Content).OfType<V1Deployment>().Single().Spec.Template.Spec.Containers.Single();
    }

    private static ProcessDefinition Waitress(params string[] listen) =>
        new("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Listen = listen } };

    private static ProcessDefinition Uvicorn(string host) =>
        new("web", ServerBackends.Uvicorn) { App = "mysite.asgi:application", Args = new UvicornArgs { Host = host, Port = 8000 } };

    [Fact]
    public void A_server_on_every_ipv4_address_is_probed_by_the_kubelet_at_the_pods_ip()
    {
        var web = Waitress("0.0.0.0:8000");
        web.Readiness.Path = "/health";

        var container = Container(web);

        Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("8000", container.LivenessProbe.TcpSocket.Port.Value);
    }

    public static TheoryData<string, ProcessDefinition> OnIpv6Alone => new()
    {
        { "waitress [::]", Waitress("[::]:8000") },
        { "uvicorn ::", Uvicorn("::") },
    };

    [Theory]
    [MemberData(nameof(OnIpv6Alone))]
    public void A_server_on_every_ipv6_address_alone_is_probed_in_its_container_at_ipv6_loopback_as_the_engine_asks_it(string shape, ProcessDefinition web)
    {
        var notes = new List<string>();
        var container = Container(web, notes);

        foreach (var probe in new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe })
        {
            Assert.True(probe.Exec is not null, shape);
            Assert.Equal(["::1", "8000"], probe.Exec.Command.TakeLast(2));
        }

        // Its Service reaches it only over IPv6, unless the server takes IPv4 on [::] too: said, with the fix.
        var note = Assert.Single(notes, n => n.Contains("IPv6", StringComparison.Ordinal));
        Assert.StartsWith("kubernetes: process 'web' listens on [::]:8000 alone", note, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0:8000", note, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OnIpv6Alone))]
    public void Compose_says_that_a_server_on_every_ipv6_address_alone_is_reached_over_ipv6_only(string shape, ProcessDefinition web)
    {
        // Docker forwards a published port, and the other services connect, to the container's IPv4 address: waitress or
        // uvicorn on [::] alone answered its health check and served nobody, and nothing said so.
        var notes = new List<string>();
        Exporter.Export(ExportTarget.Compose, Shop(web), notes);

        var note = Assert.Single(notes, n => n.Contains("IPv6", StringComparison.Ordinal));
        Assert.StartsWith("compose: process 'web' listens on [::]:8000 alone", note, StringComparison.Ordinal);
        Assert.Contains("its published port and the other services reach it only over IPv6", note, StringComparison.Ordinal);
        Assert.Contains(shape.Split(' ')[0], note, StringComparison.Ordinal); // the server is one that takes IPv6 alone there
        var none = new List<string>();
        Exporter.Export(ExportTarget.Compose, Shop(Waitress("0.0.0.0:8000", "[::]:8000")), none);
        Assert.DoesNotContain(none, n => n.Contains("IPv6", StringComparison.Ordinal));
    }

    [Fact]
    public void A_readiness_path_on_a_server_on_ipv6_alone_is_asked_in_the_container_with_the_engines_host_header()
    {
        var web = Waitress("[::]:8000");
        web.Readiness.Path = "/health";

        var container = Container(web);

        Assert.Null(container.ReadinessProbe.HttpGet);
        Assert.Equal(HealthCheck.For(web, "/srv")!.Skip(1), container.ReadinessProbe.Exec.Command);
        Assert.Equal(["::1", "8000", "/health", "200"], container.StartupProbe.Exec.Command.TakeLast(4));
    }

    [Fact]
    public void A_server_on_both_families_is_asked_on_both_as_the_engine_asks_and_nothing_is_said()
    {
        var notes = new List<string>();
        var container = Container(Waitress("0.0.0.0:8000", "[::]:8000"), notes);

        Assert.Equal(["127.0.0.1", "8000", "::1", "8000"], container.ReadinessProbe.Exec.Command.TakeLast(4));
        Assert.DoesNotContain(notes, n => n.Contains("IPv6", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.0.0.5:8000", "10.0.0.5:8000")]
    [InlineData("[2001:db8::5]:8000", "[2001:db8::5]:8000")]
    public void A_server_on_one_fixed_address_is_refused_since_a_pods_address_is_only_known_once_it_runs(string listen, string shown)
    {
        // It could not bind in the pod (EADDRNOTAVAIL) and would restart for ever, probed at an address it never had.
        var refusal = Assert.Throws<ExportRefusedException>(() => Container(Waitress(listen)));

        Assert.StartsWith($"process 'web': its listen address is {shown}, a fixed address a pod does not have", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Args", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Theory]
    [InlineData("[::1]:8000", "[::1]:8000")]
    [InlineData("127.0.0.1:8000", "127.0.0.1:8000")]
    public void A_server_on_loopback_alone_is_refused_naming_its_address_as_written(string listen, string shown)
    {
        // No probe from outside its container and no Service can reach it; an exec probe could, but would call Ready a
        // pod that serves nobody.
        var refusal = Assert.Throws<ExportRefusedException>(() => Container(Waitress(listen)));

        Assert.StartsWith($"process 'web': its listen address is {shown}, a loopback address the pod's probes and Service cannot reach", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dollar_in_an_exec_probes_words_is_written_as_kubernetes_escapes_it()
    {
        // The kubelet expands $(VAR) in an exec probe's command from the container's env: the probe asked
        // /run/shop/Production.sock, a socket no server had.
        var web = UnixSocketServers.Of("gunicorn", "/run/shop/$(DOTNET_ENVIRONMENT).sock");

        var command = Container(web).ReadinessProbe.Exec.Command;

        Assert.Equal(["unix", "/run/shop/$$(DOTNET_ENVIRONMENT).sock"], command.TakeLast(2));
    }

    [Fact]
    public async System.Threading.Tasks.Task Waitress_on_every_ipv6_address_takes_no_ipv4_connection_which_is_why_the_pods_ipv4_address_cannot_probe_it()
    {
        // What the probes and the notes above rest on, asked of Debian's waitress itself.
        using var directory = new TemporaryDirectory();
        System.IO.File.WriteAllText(System.IO.Path.Combine(directory.Path, "v6_hello.py"), "def app(environ, start_response):\n    start_response('200 OK', [])\n    return [b'hi']\n");
        const int Port = 19461;
        using var waitress = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", ["-m", "waitress", $"--listen=[::]:{Port}", "v6_hello:app"])
        {
            WorkingDirectory = directory.Path, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        try
        {
            using var budget = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!Accepts(System.Net.IPAddress.IPv6Loopback, Port))
            {
                Assert.False(waitress.HasExited, "waitress exited");
                await System.Threading.Tasks.Task.Delay(50, budget.Token);
            }

            Assert.False(Accepts(System.Net.IPAddress.Loopback, Port));
        }
        finally
        {
            waitress.Kill(entireProcessTree: true);
            await waitress.WaitForExitAsync();
        }
    }

    private static bool Accepts(System.Net.IPAddress address, int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient(address.AddressFamily);
            client.Connect(address, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
