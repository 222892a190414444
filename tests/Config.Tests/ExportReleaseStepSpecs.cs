using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using k8s.Models;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config.Tests;

/// <summary>
/// Release steps in the exports, as the launcher runs them: once, before any server. Every unit used to run
/// <c>&lt;app&gt; NAME</c>, which ran every step itself, all units at once (four concurrent migrations for four processes,
/// one more per replica); now a release unit, service or Job runs <c>&lt;app&gt; --release-only</c> and the processes run
/// with <c>--skip-release</c> after it. Each file is read back by the real tool: systemd-analyze, docker-compose and the
/// Kubernetes client.
/// </summary>
public sealed class ExportReleaseStepSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("psc-export-release-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ProcessDefinition Web() =>
        new("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "0.0.0.0", Port = 19410 } };

    private static ProcessDefinition Worker() =>
        new("worker", ServerBackends.CeleryWorker) { App = "mysite", Replicas = 2 };

    private static ReleaseStep Migrate()
    {
        var step = new ReleaseStep("migrate") { Python = "/usr/bin/python3" };
        step.Command.Add("manage.py");
        step.Command.Add("migrate");
        return step;
    }

    private Deployment Shop(bool withRelease = true) =>
        new("shop", ["/bin/true"], _directory, [Web(), Worker()]) { Image = "shop:1.0", ReleaseSteps = withRelease ? [Migrate()] : [] };

    private static string Line(string unit, string key) => Assert.Single(Lines(unit, key));

    // A setting given on several lines (After=network-online.target, then After=<dependencies>) is their union.
    private static IEnumerable<string> Lines(string unit, string key) =>
        unit.Split('\n').Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..]);

    [Fact]
    public void The_release_steps_get_the_exports_env_files_as_the_processes_do_through_the_apps_own_env_file()
    {
        // The steps run with the variables the processes get (a DATABASE_URL for migrate): the same --env-file, read by
        // the app's parser, from where each target puts the file.
        var envFile = Path.Combine(_directory, "prod.env");
        File.WriteAllText(envFile, "DATABASE_URL=postgres://db/shop\n");
        var shop = Shop() with { EnvFiles = [envFile] };

        var systemd = Exporter.Export(ExportTarget.Systemd, shop, new List<string>()).Single(f => f.Name == "shop-release.service").Content;
        Assert.Equal($"\"/bin/true\" \"--env-file\" \"{envFile}\" \"--release-only\"", Line(systemd, "ExecStart"));
        Assert.DoesNotContain("EnvironmentFile=", systemd, StringComparison.Ordinal);
        Assert.Contains(envFile, string.Join(' ', Lines(systemd, "BindReadOnlyPaths").Concat(Lines(systemd, "ReadOnlyPaths"))) + systemd, StringComparison.Ordinal);

        var compose = new YamlStream();
        compose.Load(new StringReader(Exporter.Export(ExportTarget.Compose, shop, new List<string>()).Single(f => f.Name == "compose.yaml").Content));
        var release = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)compose.Documents[0].RootNode)["services"])["release"];
        Assert.Equal(["--env-file", envFile, "--release-only"], ((YamlSequenceNode)release["command"]).Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal(envFile, ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)release["volumes"])[0])["target"]).Value);

        var job = KubernetesObjects.Read(Exporter.Export(ExportTarget.Kubernetes, shop, new List<string>()).Single(f => f.Name == "shop-release.yaml").Content).OfType<V1Job>().Single();
        var container = job.Spec.Template.Spec.Containers[0];
        Assert.Equal(["--env-file", "/var/run/secrets/shop-env/env-0", "--release-only"], container.Args);
        Assert.Null(container.EnvFrom);
        Assert.Contains(container.VolumeMounts, m => m.MountPath == "/var/run/secrets/shop-env" && m.ReadOnlyProperty == true);
        Assert.Contains(job.Spec.Template.Spec.Volumes, v => v.Secret?.SecretName == "shop-env");
    }

    [Fact]
    public void Systemd_runs_the_release_steps_once_in_a_oneshot_unit_that_every_service_waits_for_and_verify_accepts_them()
    {
        var notes = new List<string>();
        var files = Exporter.Export(ExportTarget.Systemd, Shop(), notes);

        var release = files.Single(f => f.Name == "shop-release.service").Content;
        Assert.Equal("oneshot", Line(release, "Type"));
        Assert.Equal("yes", Line(release, "RemainAfterExit"));
        Assert.Equal("\"/bin/true\" \"--release-only\"", Line(release, "ExecStart"));
        // As the launcher: no limit on a migration. The services' TimeoutStartSec covers their readiness alone now.
        Assert.Equal("infinity", Line(release, "TimeoutStartSec"));
        Assert.Contains("DynamicUser=yes", release, StringComparison.Ordinal);
        foreach (var name in new[] { "shop-web.service", "shop-worker.service" })
        {
            var service = files.Single(f => f.Name == name).Content;
            Assert.Equal($"\"/bin/true\" \"--skip-release\" \"{name[5..^8]}\"", Line(service, "ExecStart"));
            Assert.Contains("shop-release.service", Lines(service, "After").SelectMany(l => l.Split(' ')));
            Assert.Contains("shop-release.service", Line(service, "Requires").Split(' '));
        }

        Assert.Contains("shop-release.service", Line(files.Single(f => f.Name == "shop.target").Content, "Wants").Split(' '));
        Assert.Contains(notes, n => n.StartsWith("the release steps: shop-release.service runs them once before the services", StringComparison.Ordinal));
        Verify(files);
    }

    [Fact]
    public void Without_release_steps_the_units_run_the_process_as_before_and_no_release_unit_is_written()
    {
        var files = Exporter.Export(ExportTarget.Systemd, Shop(withRelease: false));

        Assert.DoesNotContain(files, f => f.Name.Contains("release", StringComparison.Ordinal));
        Assert.Equal("\"/bin/true\" \"web\"", Line(files.Single(f => f.Name == "shop-web.service").Content, "ExecStart"));
        Assert.Equal(["web"], KubernetesArgs(Shop(withRelease: false), "web"));
    }

    [Fact]
    public void Compose_runs_the_release_steps_in_a_one_off_service_that_every_service_waits_to_complete_and_docker_compose_accepts_it()
    {
        var yaml = Assert.Single(Exporter.Export(ExportTarget.Compose, Shop())).Content;

        var services = (YamlMappingNode)Root(yaml)["services"];
        var release = (YamlMappingNode)services["release"];
        Assert.Equal(["--release-only"], Scalars(release["command"]));
        Assert.Equal("no", ((YamlScalarNode)release["restart"]).Value);
        foreach (var name in new[] { "web", "worker" })
        {
            var service = (YamlMappingNode)services[name];
            Assert.Equal(["--skip-release", name], Scalars(service["command"]));
            var condition = (YamlMappingNode)((YamlMappingNode)service["depends_on"])["release"];
            Assert.Equal("service_completed_successfully", ((YamlScalarNode)condition["condition"]).Value);
        }

        var file = Path.Combine(_directory, "compose.yaml");
        File.WriteAllText(file, yaml);
        var (code, output) = Run("docker-compose", ["-f", file, "config"]);
        Assert.True(code == 0, $"docker-compose config said (exit {code}):\n{output}\n{yaml}");
        Assert.Contains("condition: service_completed_successfully", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_runs_the_release_steps_in_one_job_not_in_every_pod_and_says_to_apply_it_first()
    {
        var notes = new List<string>();
        var files = Exporter.Export(ExportTarget.Kubernetes, Shop(), notes);

        var job = Assert.Single(KubernetesObjects.Read(files.Single(f => f.Name == "shop-release.yaml").Content).OfType<V1Job>());
        Assert.Equal("shop-release", job.Metadata.Name);
        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal("shop:1.0", container.Image);
        Assert.Equal(["--release-only"], container.Args);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal("/tmp", Assert.Single(container.VolumeMounts).MountPath);
        Assert.Equal(["--skip-release", "web"], KubernetesArgs(Shop(), "web"));
        Assert.Equal(["--skip-release", "worker"], KubernetesArgs(Shop(), "worker"));
        Assert.Contains(notes, n => n.Contains("kubectl wait --for=condition=complete --timeout=3660s job/shop-release", StringComparison.Ordinal));
    }

    [Fact]
    public void The_release_jobs_pod_is_as_locked_down_and_bounded_as_the_processes_pods()
    {
        // The Job built its container by hand: its memory was the default 256Mi whatever the app's processes needed (a
        // migration importing the same Django app was OOM-killed where the web process was given 1Gi), and it had no
        // deadline, so a step waiting for a database lock held the release, and the note's kubectl wait, for ever.
        var deployment = Shop() with { EnvFiles = ["/etc/shop.env"] };
        deployment.Processes[0].Resources.Memory = "1Gi";
        deployment.Processes[1].Resources.Cpu = "1500m";
        var notes = new List<string>();
        var files = Exporter.Export(ExportTarget.Kubernetes, deployment, notes);
        var job = KubernetesObjects.Read(files.Single(f => f.Name == "shop-release.yaml").Content).OfType<V1Job>().Single();
        var web = KubernetesObjects.Read(files.Single(f => f.Name == "shop-web.yaml").Content).OfType<V1Deployment>().Single().Spec.Template.Spec;

        var pod = job.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        // The processes' largest requests, memory limited at its request and CPU at least one core, as theirs are.
        Assert.Equal(new ResourceQuantity("1Gi"), container.Resources.Requests["memory"]);
        Assert.Equal(new ResourceQuantity("1Gi"), container.Resources.Limits["memory"]);
        Assert.Equal(new ResourceQuantity("1500m"), container.Resources.Requests["cpu"]);
        Assert.Equal(new ResourceQuantity("1500m"), container.Resources.Limits["cpu"]);
        // The same lock-down as a process's container and pod, field for field.
        Assert.Equal(k8s.KubernetesYaml.Serialize(web.Containers[0].SecurityContext), k8s.KubernetesYaml.Serialize(container.SecurityContext));
        Assert.Equal(k8s.KubernetesYaml.Serialize(web.SecurityContext), k8s.KubernetesYaml.Serialize(pod.SecurityContext));
        Assert.False(pod.AutomountServiceAccountToken);
        // The app's env files from the same Secret, mounted the same way, and the same environment.
        Assert.Equal(web.Containers[0].Args.SkipLast(2), container.Args.SkipLast(1));
        Assert.Equal(web.Containers[0].Env.Select(e => (e.Name, e.Value)), container.Env.Select(e => (e.Name, e.Value)));
        Assert.Equal(web.Volumes.Where(v => v.Secret is not null).Select(v => v.Secret.SecretName), pod.Volumes.Where(v => v.Secret is not null).Select(v => v.Secret.SecretName));
        // Bounded: one try, an hour at most, and the wait the note gives ends when the Job can no longer complete.
        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal(3600, job.Spec.ActiveDeadlineSeconds);
        Assert.Contains(notes, n => n.Contains("--timeout=3660s job/shop-release", StringComparison.Ordinal) && n.Contains("activeDeadlineSeconds", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ExportTarget.Supervisord)]
    [InlineData(ExportTarget.Procfile)]
    public void Supervisord_and_the_procfile_cannot_order_a_step_before_their_entries_and_say_that_each_runs_the_steps(ExportTarget target)
    {
        var notes = new List<string>();
        var content = Assert.Single(Exporter.Export(target, Shop(), notes)).Content;

        Assert.DoesNotContain("--skip-release", content, StringComparison.Ordinal);
        var note = Assert.Single(notes, n => n.Contains("release step", StringComparison.Ordinal));
        Assert.Contains("runs the 1 release step(s) itself when it starts, at the same time as the others", note, StringComparison.Ordinal);
        Assert.Contains("/bin/true --release-only", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExportTarget.Systemd, "systemd unit 'shop-release.service'")]
    [InlineData(ExportTarget.Compose, "Compose service 'release'")]
    [InlineData(ExportTarget.Kubernetes, "Kubernetes object name 'shop-release'")]
    public void A_process_named_like_the_release_unit_is_refused_in_one_line(ExportTarget target, string what)
    {
        var deployment = Shop() with { Processes = [new ProcessDefinition("Release", ServerBackends.CeleryWorker) { App = "mysite" }] };

        var refused = Assert.Throws<ExportRefusedException>(() => Exporter.Export(target, deployment));

        Assert.Equal($"process 'Release': its name becomes the {what}, which runs the release steps: rename the process.", refused.Message);
    }

    private static IList<string> KubernetesArgs(Deployment deployment, string process) =>
        KubernetesObjects.Read(Exporter.Export(ExportTarget.Kubernetes, deployment).Single(f => f.Name == $"shop-{process}.yaml").Content)
            .OfType<V1Deployment>().Single().Spec.Template.Spec.Containers[0].Args;

    private void Verify(IReadOnlyList<ExportedFile> files)
    {
        var units = new List<string>();
        foreach (var file in files.Where(f => f.Name.EndsWith(".service", StringComparison.Ordinal) || f.Name.EndsWith(".target", StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(_directory, file.Name), file.Content);
            units.Add(Path.Combine(_directory, file.Name));
        }

        var (code, output) = Run("systemd-analyze", ["verify", .. units]);
        Assert.True(code == 0 && output.Trim().Length == 0, $"systemd-analyze verify said (exit {code}):\n{output}");
    }

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string[] Scalars(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    private static (int Code, string Output) Run(string file, IReadOnlyList<string> args) => ToolRun.Run(file, args);
}
