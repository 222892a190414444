using System;
using System.Linq;
using k8s.Models;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>Issue 13: the exported systemd units and Kubernetes manifests are safe to ship as they come out.</summary>
public sealed class DeploymentDefaultsSpecs
{
    private static ProcessDefinition Web(string host = "0.0.0.0", int port = 8000) =>
        new("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = host, Port = port } };

    private static Deployment Shop(params ProcessDefinition[] processes) => new("shop", ["/srv/shop/shop"], "/srv/shop", processes) { Image = "shop:1.0" };

    private static string Unit(Deployment deployment) => Exporter.Export(ExportTarget.Systemd, deployment)[0].Content;

    private static V1Deployment Manifest(Deployment deployment) =>
        KubernetesObjects.Read(Exporter.Export(ExportTarget.Kubernetes, deployment)[0].Content).OfType<V1Deployment>().Single();

    [Fact]
    public void A_strict_unit_runs_as_a_dynamic_user_in_a_sandbox_with_no_capabilities()
    {
        var unit = Unit(Shop(Web()));

        foreach (var line in new[]
        {
            "DynamicUser=yes", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes",
            "ProtectKernelTunables=yes", "ProtectKernelModules=yes", "ProtectKernelLogs=yes", "ProtectControlGroups=yes", "RestrictNamespaces=yes",
            "RestrictSUIDSGID=yes", "LockPersonality=yes", "SystemCallFilter=@system-service", "SystemCallArchitectures=native",
            "CapabilityBoundingSet=", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK", "UMask=0027", "Type=notify",
        })
        {
            Assert.Contains("\n" + line + "\n", unit, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("AmbientCapabilities", unit, StringComparison.Ordinal);
        // .NET's JIT writes code and then executes it: this one would stop the app at its first method.
        Assert.DoesNotContain("MemoryDenyWriteExecute", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_below_1024_keeps_only_the_capability_to_bind_it()
    {
        var unit = Unit(Shop(Web(port: 80)));

        Assert.Contains("\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("PrivateUsers=", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void The_paths_a_process_writes_stay_writable_under_a_read_only_system()
    {
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = "/var/lib/shop app/schedule" } };
        var socket = new ProcessDefinition("sock", ServerBackends.Gunicorn) { App = "a:b", Args = new GunicornArgs { Bind = ["unix:/run/shop/web.sock"] } };
        var files = Exporter.Export(ExportTarget.Systemd, Shop(beat, socket));

        Assert.Contains("\nReadWritePaths=\"-/var/lib/shop app\"\n", files[0].Content, StringComparison.Ordinal);
        Assert.Contains("\nReadWritePaths=\"-/run/shop\"\n", files[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_beat_with_the_default_schedule_may_write_its_working_directory()
    {
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", WorkingDirectory = "src" };

        Assert.Contains("\nReadWritePaths=\"-/srv/shop/src\"\n", Unit(Shop(beat)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExportHardening.Basic, "ProtectSystem=strict", "SystemCallFilter=")]
    [InlineData(ExportHardening.None, "Type=notify", "ProtectSystem=")]
    public void Hardening_steps_down_on_request(ExportHardening level, string kept, string dropped)
    {
        var unit = Unit(Shop(Web()) with { Hardening = level });

        Assert.Contains(kept, unit, StringComparison.Ordinal);
        Assert.DoesNotContain(dropped, unit, StringComparison.Ordinal);
        Assert.Equal(level != ExportHardening.None, unit.Contains("\nDynamicUser=yes\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_given_user_replaces_the_dynamic_one()
    {
        var unit = Unit(Shop(Web()) with { User = "www-data" });

        Assert.Contains("\nUser=www-data\n", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("DynamicUser", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void Supervisord_programs_without_a_user_are_said_to_run_as_supervisords_own_root()
    {
        var notes = new System.Collections.Generic.List<string>();
        var withUser = new System.Collections.Generic.List<string>();

        var conf = Exporter.Export(ExportTarget.Supervisord, Shop(Web()), notes).Single().Content;
        Exporter.Export(ExportTarget.Supervisord, Shop(Web()) with { User = "www-data" }, withUser);

        Assert.DoesNotContain("user=", conf, StringComparison.Ordinal);
        Assert.Equal(["the export: without --user, the programs run as supervisord's own user, which is root when it runs as the "
            + "system service (Debian's supervisor package): give --user with an account of their own."], notes);
        Assert.Empty(withUser);
    }

    [Theory]
    [InlineData(ExportTarget.Kubernetes, "127.0.0.1", "the pod's probes and Service")]
    [InlineData(ExportTarget.Kubernetes, "localhost", "the pod's probes and Service")]
    [InlineData(ExportTarget.Kubernetes, "::1", "the pod's probes and Service")]
    [InlineData(ExportTarget.Compose, "127.0.0.1", "its published port and the other services")]
    [InlineData(ExportTarget.Compose, "::1", "its published port and the other services")]
    public void Container_targets_refuse_a_loopback_bound_server_naming_the_setting_and_the_fix(ExportTarget target, string host, string unreachableBy)
    {
        var refusal = Assert.Throws<ExportRefusedException>(() => Exporter.Export(target, Shop(Web(host))));

        Assert.StartsWith($"process 'web': its listen address is {(host.Contains(':') ? "[" + host + "]" : host)}:8000, a loopback address {unreachableBy} cannot reach", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("bind 0.0.0.0", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Args", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("shop")]
    [InlineData("shop:latest")]
    [InlineData("registry.example:5000/shop:LATEST")]
    [InlineData("shop:1.0\nkind: Pod")]
    [InlineData("Shop:1.0")]
    public void Kubernetes_needs_a_pinned_image(string? image)
    {
        var refusal = Assert.Throws<ExportRefusedException>(() => Exporter.Export(ExportTarget.Kubernetes, Shop(Web()) with { Image = image }));

        Assert.Contains("--image", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Theory]
    [InlineData("shop:1.0")]
    [InlineData("registry.example:5000/team/shop:2024.11-rc1")]
    [InlineData("shop@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Kubernetes_takes_a_tag_or_a_digest(string image) =>
        Assert.Equal(image, Manifest(Shop(Web()) with { Image = image }).Spec.Template.Spec.Containers[0].Image);

    [Fact]
    public void A_kubernetes_container_is_locked_down_with_its_writable_paths_as_volumes()
    {
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = "/var/lib/celery/schedule" } };

        var pod = Manifest(Shop(beat)).Spec.Template.Spec;

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.False(pod.AutomountServiceAccountToken);
        var container = pod.Containers.Single();
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.True(container.SecurityContext.RunAsNonRoot);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Null(container.SecurityContext.Capabilities.Add);
        Assert.Equal(["/tmp", "/var/lib/celery"], container.VolumeMounts.Select(m => m.MountPath));
        Assert.Equal(container.VolumeMounts.Select(m => m.Name), pod.Volumes.Select(v => v.Name));
        Assert.All(pod.Volumes, v => Assert.NotNull(v.EmptyDir));
    }

    [Fact]
    public void A_kubernetes_beat_without_a_schedule_path_is_refused_since_its_working_directory_is_read_only()
    {
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj" };

        var refusal = Assert.Throws<ExportRefusedException>(() => Exporter.Export(ExportTarget.Kubernetes, Shop(beat)));

        Assert.StartsWith("process 'beat': Args:Schedule is unset", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kubernetes_container_gets_a_startup_probe_for_slow_imports_and_requests_and_limits()
    {
        var web = Web();
        web.Readiness.Path = "/health";
        web.Readiness.Timeout = TimeSpan.FromSeconds(60);

        var container = Manifest(Shop(web)).Spec.Template.Spec.Containers.Single();

        Assert.Equal("/health", container.StartupProbe.HttpGet.Path);
        Assert.True(container.StartupProbe.PeriodSeconds * container.StartupProbe.FailureThreshold >= 60);
        Assert.Null(container.LivenessProbe.InitialDelaySeconds); // the startup probe holds liveness back
        Assert.Equal("100m", container.Resources.Requests["cpu"].ToString());
        Assert.Equal("256Mi", container.Resources.Requests["memory"].ToString());
        Assert.Equal("1", container.Resources.Limits["cpu"].ToString());
        Assert.Equal("256Mi", container.Resources.Limits["memory"].ToString());
    }

    [Fact]
    public void A_kubernetes_server_on_a_low_port_keeps_only_net_bind_service()
    {
        var container = Manifest(Shop(Web(port: 80))).Spec.Template.Spec.Containers.Single();

        Assert.Equal(["NET_BIND_SERVICE"], container.SecurityContext.Capabilities.Add);
    }
}
