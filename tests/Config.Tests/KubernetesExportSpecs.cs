using System;
using System.IO;
using System.Linq;
using k8s.Models;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config.Tests;

/// <summary>The Kubernetes export, read back by the official client (KubernetesClient) into its typed models.</summary>
public sealed class KubernetesExportSpecs
{
    private static (V1Deployment Deployment, V1Service? Service) Manifest(Deployment deployment, string process)
    {
        var file = Exporter.Export(ExportTarget.Kubernetes, deployment).Single(f => f.Name == $"shop-{process}.yaml");
        var objects = KubernetesObjects.Read(file.Content);
        return (objects.OfType<V1Deployment>().Single(), objects.OfType<V1Service>().SingleOrDefault());
    }

    private static Deployment Shop(params ProcessDefinition[] processes) => new("shop", ["/srv/shop"], "/srv", processes) { Image = "shop:1.0" };

    [Theory]
    [InlineData("/srv/worker.pid", "/srv")]
    [InlineData("/srv/app/worker.pid", "/srv/app")]
    public void A_file_written_in_the_apps_directory_or_above_it_is_refused_since_its_empty_volume_would_hide_the_app(string pidFile, string directory)
    {
        // An emptyDir over /srv/app (the content root, the worker's working directory) starts empty: the pod would have no app.
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "mysite", WorkingDirectory = "app", Args = new CeleryWorkerArgs { PidFile = pidFile } };

        var refused = Assert.Throws<ExportRefusedException>(() => Exporter.Export(ExportTarget.Kubernetes, Shop(worker)));

        Assert.StartsWith($"process 'worker': Args:PidFile '{pidFile}' would make {directory} an empty volume in the pod, which hides the app's files in /srv", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        var below = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "mysite", WorkingDirectory = "app", Args = new CeleryWorkerArgs { PidFile = "/srv/app/run/worker.pid" } };
        Assert.Contains("/srv/app/run", Manifest(Shop(below), "worker").Deployment.Spec.Template.Spec.Containers[0].VolumeMounts.Select(m => m.MountPath));
    }

    [Fact]
    public void A_server_on_several_ports_is_ready_once_every_port_accepts_as_the_engine_decides()
    {
        // A tcpSocket probe asks one port: the pod was Ready while the second port, which the engine waits for, was not.
        var admin = new ProcessDefinition("admin", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Listen = ["0.0.0.0:9001", "0.0.0.0:9002"] } };

        var container = Manifest(Shop(admin), "admin").Deployment.Spec.Template.Spec.Containers[0];

        Assert.Equal(HealthCheck.For(admin, "/srv")!.Skip(1), container.ReadinessProbe.Exec.Command);
        Assert.Equal(["127.0.0.1", "9001", "127.0.0.1", "9002"], container.StartupProbe.Exec.Command.TakeLast(4));
        Assert.Equal("9001", container.LivenessProbe.TcpSocket.Port.Value); // liveness: the port alone, as before
    }

    [Fact]
    public void A_readiness_status_outside_what_httpGet_accepts_is_asked_by_the_health_checks_script_as_Compose_asks_it()
    {
        // httpGet takes 200-399 only: a path that must answer 401 was never Ready in the pod, though ready to the engine.
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "0.0.0.0", Port = 8000 } };
        web.Readiness.Path = "/private";
        web.Readiness.Status = 401;

        var container = Manifest(Shop(web), "web").Deployment.Spec.Template.Spec.Containers[0];

        Assert.Null(container.ReadinessProbe.HttpGet);
        Assert.Equal(HealthCheck.For(web, "/srv")!.Skip(1), container.ReadinessProbe.Exec.Command);
        Assert.Equal(["8000", "/private", "401"], container.StartupProbe.Exec.Command.TakeLast(3));
        Assert.Equal("8000", container.LivenessProbe.TcpSocket.Port.Value);
    }

    [Fact]
    public void A_web_process_gets_a_deployment_with_probes_from_its_readiness_and_a_service_for_its_port()
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress)
        {
            App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "0.0.0.0", Port = 8000 }, Replicas = 3, StopTimeout = TimeSpan.FromSeconds(20),
        };
        web.Readiness.Path = "/health";

        var (deployment, service) = Manifest(Shop(web), "web");

        Assert.Equal("apps/v1", deployment.ApiVersion);
        Assert.Equal("shop-web", deployment.Metadata.Name);
        Assert.Equal(3, deployment.Spec.Replicas);
        Assert.Null(deployment.Spec.Strategy);
        var pod = deployment.Spec.Template.Spec;
        Assert.Equal(25, pod.TerminationGracePeriodSeconds); // our 20 s stop + the margin: the kubelet never kills first
        var container = Assert.Single(pod.Containers);
        Assert.Equal("shop:1.0", container.Image);
        Assert.Equal(["web"], container.Args);
        Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("8000", container.ReadinessProbe.HttpGet.Port.Value);
        // Asked as the engine asks: the kubelet would send the pod's IP as Host, which Django answers 400 (DisallowedHost).
        var host = Assert.Single(container.ReadinessProbe.HttpGet.HttpHeaders);
        Assert.Equal(("Host", "127.0.0.1:8000"), (host.Name, host.Value));
        Assert.Equal("127.0.0.1:8000", Assert.Single(container.StartupProbe.HttpGet.HttpHeaders).Value);
        Assert.Equal("8000", container.LivenessProbe.TcpSocket.Port.Value);
        Assert.Equal(8000, Assert.Single(container.Ports).ContainerPort);
        Assert.NotNull(service);
        Assert.Equal(deployment.Spec.Selector.MatchLabels, service!.Spec.Selector);
        Assert.Equal(8000, Assert.Single(service.Spec.Ports).Port);
    }

    [Fact]
    public void Resource_requests_from_code_or_configuration_become_the_containers_requests()
    {
        var web = Assert.Single(Infrastructure.Options.Resolve(
            o => WaitressBuilderExtensions.UseWaitress(o, "mysite.wsgi:application").Resources(cpu: "250m"),
            new System.Collections.Generic.Dictionary<string, string?> { ["ProdServer:Processes:web:Resources:Memory"] = "256Mi" }).Processes);

        var (deployment, _) = Manifest(Shop(web), "web");

        var requests = deployment.Spec.Template.Spec.Containers[0].Resources.Requests;
        Assert.Equal("250m", requests["cpu"].ToString());
        Assert.Equal("256Mi", requests["memory"].ToString());
    }

    [Fact]
    public void A_celery_beat_is_pinned_to_one_replica_recreated_never_rolled_and_gets_no_service()
    {
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = "/var/lib/celery/schedule" } };

        var (deployment, service) = Manifest(Shop(beat), "beat");

        Assert.Equal(1, deployment.Spec.Replicas);
        Assert.Equal("Recreate", deployment.Spec.Strategy.Type);
        Assert.Null(service);
        Assert.Null(deployment.Spec.Template.Spec.Containers[0].ReadinessProbe);
    }

    [Fact]
    public void Names_become_dns_labels()
    {
        var web = new ProcessDefinition("Web_Admin", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { Port = 8000 } };

        var file = Assert.Single(Exporter.Export(ExportTarget.Kubernetes, new Deployment("My_Shop", ["/srv/shop"], "/srv", [web]) { Image = "shop:1.0" }));
        var deployment = KubernetesObjects.Read(file.Content).OfType<V1Deployment>().Single();

        Assert.Equal("my-shop-web-admin", deployment.Metadata.Name);
        Assert.Equal("web-admin", deployment.Spec.Template.Spec.Containers[0].Name);
    }

    [Fact]
    public void Every_field_written_is_one_the_official_client_reads_and_writes_back_unchanged()
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { Host = "0.0.0.0", Port = 80 }, Replicas = 2 };
        web.Readiness.Path = "/health?probe=\"k8s\"";
        web.Resources.Cpu = "2";
        web.Resources.Memory = "1Gi";
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = "/var/lib/celery/schedule" } };

        var socket = new ProcessDefinition("socket", ServerBackends.Gunicorn) { App = "a:b", Args = new GunicornArgs { Bind = ["unix:/run/shop/socket.sock"] } };
        var ipv6 = new ProcessDefinition("ipv6", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { Listen = ["[::]:8001"] } };
        var migrate = new ReleaseStep("migrate") { Python = "/usr/bin/python3" };
        migrate.Command.Add("manage.py");
        migrate.Command.Add("migrate");

        // With the release steps' Job, and exec probes (a Unix socket, a server on [::] alone).
        foreach (var file in Exporter.Export(ExportTarget.Kubernetes, Shop(web, beat, socket, ipv6) with { EnvFiles = ["/etc/shop.env"], ReleaseSteps = [migrate] }))
        {
            var written = Documents(file.Content);
            var objects = KubernetesObjects.Read(file.Content);

            Assert.Equal(written.Count, objects.Count);
            for (var i = 0; i < objects.Count; i++)
            {
                // A field the client does not know would be dropped on the way in, and a value of the wrong type refused.
                Assert.Equal(Tree(written[i]), Tree(Assert.Single(Documents(k8s.KubernetesYaml.Serialize(objects[i])))));
            }
        }
    }

    [Theory]
    [InlineData("0.5", "1")]
    [InlineData("250m", "1")]
    [InlineData("1500m", "1500m")]
    [InlineData("2", "2")]
    public void The_cpu_limit_is_the_request_but_never_below_one_core(string request, string limit)
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { Host = "0.0.0.0", Port = 8000 } };
        web.Resources.Cpu = request;

        var resources = Manifest(Shop(web), "web").Deployment.Spec.Template.Spec.Containers[0].Resources;

        Assert.Equal(new ResourceQuantity(request), resources.Requests["cpu"]);
        Assert.Equal(new ResourceQuantity(limit), resources.Limits["cpu"]);
    }

    [Theory]
    [InlineData("Cpu", "lots")]
    [InlineData("Cpu", "1.")]
    [InlineData("Memory", "1Gi\nkind: Secret")]
    [InlineData("Memory", "0")]
    public void A_resource_request_that_is_no_kubernetes_quantity_is_refused_in_one_line(string key, string value)
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { Host = "0.0.0.0", Port = 8000 } };
        if (key == "Cpu")
        {
            web.Resources.Cpu = value;
        }
        else
        {
            web.Resources.Memory = value;
        }

        var refusal = Assert.Throws<ExportRefusedException>(() => Exporter.Export(ExportTarget.Kubernetes, Shop(web)));

        Assert.Contains("Resources:" + key, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    private static System.Collections.Generic.List<YamlNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    // The tree with mapping keys in order: the client writes its fields in its own order.
    private static string Tree(YamlNode node) => node switch
    {
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(e => Tree(e.Key) + ": " + Tree(e.Value)).Order(StringComparer.Ordinal)) + "}",
        YamlSequenceNode list => "[" + string.Join(", ", list.Children.Select(Tree)) + "]",
        _ => System.Text.Json.JsonSerializer.Serialize(((YamlScalarNode)node).Value),
    };
}
