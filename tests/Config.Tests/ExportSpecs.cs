using System;
using System.IO;
using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config.Tests;

/// <summary>Deployment files generated from the typed processes (the real tools check them in the integration tests).</summary>
public sealed class ExportSpecs
{
    private static Deployment TwoProcesses(TimeSpan? adminStop = null)
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "0.0.0.0", Port = 8000 } };
        var admin = new ProcessDefinition("admin", ServerBackends.Waitress)
        {
            App = "mysite.admin:application",
            Args = new WaitressArgs { Listen = ["0.0.0.0:9001", "[::]:9001", "0.0.0.0:9002"] },
            StopTimeout = adminStop,
        };
        return new Deployment("shop", ["/srv/shop app/shop"], "/srv/shop app", [web, admin]);
    }

    private static string File(ExportTarget target, string name) =>
        Exporter.Export(target, TwoProcesses(TimeSpan.FromSeconds(42))).Single(f => f.Name == name).Content;

    [Fact]
    public void Systemd_gets_a_service_per_process_and_a_target_that_wants_them_all()
    {
        var files = Exporter.Export(ExportTarget.Systemd, TwoProcesses());

        Assert.Equal(["shop-web.service", "shop-admin.service", "shop.target"], files.Select(f => f.Name));
        Assert.Contains("Wants=shop-web.service shop-admin.service", files[2].Content);
        Assert.Contains("WantedBy=shop.target", files[0].Content);
    }

    [Theory]
    [InlineData("/srv/shop/Contoso.Shop", "Contoso-Shop")] // an apphost has no extension: the dot is part of the name
    [InlineData("/srv/shop/Contoso.Shop.dll", "Contoso-Shop")]
    [InlineData(@"C:\srv\Contoso.Shop.exe", "Contoso-Shop")]
    [InlineData("/srv/shop/site.web", "site-web")]
    [InlineData("/srv/shop/shop", "shop")]
    public void The_app_is_named_after_its_whole_program_name_without_dll_or_exe(string program, string name)
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application" };
        var deployment = Deployment.OfApp([program.Replace('\\', '/')], [web], "/srv/shop");

        Assert.Equal(name, deployment.AppName);
        Assert.Equal(name + "-web", deployment.UnitName(web));
    }

    [Fact]
    public void Each_service_runs_the_app_itself_with_the_process_name_shell_quoted()
    {
        var service = File(ExportTarget.Systemd, "shop-web.service");

        Assert.Contains("ExecStart=\"/srv/shop app/shop\" \"web\"\n", service);
        Assert.Contains("WorkingDirectory=/srv/shop app\n", service);
        Assert.Contains("Environment=\"DOTNET_ENVIRONMENT=Production\"\n", service);
        Assert.Contains("KillMode=mixed\n", service);
        Assert.Contains("Type=notify\nTimeoutStartSec=35\n", service); // READY=1 once ready; the 30 s readiness timeout + margin
        Assert.Contains("Restart=on-failure\n", service);
    }

    [Fact]
    public void Systemctl_reload_runs_the_apps_own_reload_through_a_control_socket_in_the_units_private_runtime_directory()
    {
        var service = File(ExportTarget.Systemd, "shop-web.service");

        Assert.Contains("ExecReload=\"/srv/shop app/shop\" \"reload\"\n", service);
        Assert.Contains("RuntimeDirectory=shop-web\nRuntimeDirectoryMode=0700\nRuntimeDirectoryPreserve=restart\n", service);
        Assert.Contains("Environment=\"ProdServer__Control__Enabled=true\"\n", service);
        Assert.Contains("Environment=\"ProdServer__Control__Socket=/run/shop-web/control.sock\"\n", service);
        Assert.Contains("RuntimeDirectory=shop-admin\n", File(ExportTarget.Systemd, "shop-admin.service"));
    }

    [Fact]
    public void Outer_stop_timeouts_are_longer_than_ours_so_they_nest()
    {
        // Our stop timeout (42 s for admin, the 10 s default for web) + the margin, in every target.
        Assert.Contains("TimeoutStopSec=47\n", File(ExportTarget.Systemd, "shop-admin.service"));
        Assert.Contains("TimeoutStopSec=15\n", File(ExportTarget.Systemd, "shop-web.service"));
        var supervisord = File(ExportTarget.Supervisord, "shop.conf");
        Assert.Contains("[program:shop-admin]\ncommand=/srv/shop' 'app/shop admin\n", supervisord);
        Assert.Contains("stopwaitsecs=47\n", supervisord);
        Assert.Contains("stop_grace_period: \"47s\"\n", File(ExportTarget.Compose, "compose.yaml"));
    }

    [Fact]
    public void Dependencies_order_the_units_in_systemd_and_supervisord()
    {
        var deployment = TwoProcesses();
        deployment.Processes[0].DependsOn.Add("admin");
        var files = Exporter.Export(ExportTarget.Systemd, deployment);
        var supervisord = Exporter.Export(ExportTarget.Supervisord, deployment).Single().Content;

        Assert.Contains("After=shop-admin.service\nRequires=shop-admin.service\n", files.Single(f => f.Name == "shop-web.service").Content);
        Assert.DoesNotContain("Requires=", files.Single(f => f.Name == "shop-admin.service").Content);
        Assert.Contains("[program:shop-web]\ncommand=/srv/shop' 'app/shop web\n", supervisord);
        Assert.Contains("autostart=true\npriority=910\n", supervisord[..supervisord.IndexOf("[program:shop-admin]", StringComparison.Ordinal)]);
        Assert.Contains("autostart=true\npriority=900\n", supervisord[supervisord.IndexOf("[program:shop-admin]", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void The_units_run_as_the_user_given_to_export()
    {
        var deployment = TwoProcesses() with { User = "www-data" };

        Assert.Contains("WorkingDirectory=/srv/shop app\nUser=www-data\n", Exporter.Export(ExportTarget.Systemd, deployment)[0].Content);
        Assert.Contains("directory=/srv/shop app\nuser=www-data\n", Exporter.Export(ExportTarget.Supervisord, deployment).Single().Content);
        Assert.DoesNotContain("\nUser=", Exporter.Export(ExportTarget.Systemd, TwoProcesses())[0].Content);
        Assert.Contains("\nDynamicUser=yes\n", Exporter.Export(ExportTarget.Systemd, TwoProcesses())[0].Content);
    }

    [Theory]
    [InlineData("www-data", true)]
    [InlineData("1000", true)]
    [InlineData("root\nExecStartPre=/bin/evil", false)]
    [InlineData("a b", false)]
    [InlineData("www-data\n", false)]
    [InlineData("12345678901", false)]
    public void Export_takes_a_user_name_or_uid_and_nothing_else(string user, bool accepted)
    {
        var parsed = ProdServerCommandLine.Parse(["export", "systemd", "--out", "deploy", "--user", user]);

        Assert.Equal(accepted, parsed.Errors.Count == 0);
        Assert.Equal(accepted ? user : null, parsed.Errors.Count == 0 ? parsed.User : null);
    }

    [Fact]
    public void Supervisord_stops_and_kills_as_a_group_and_groups_the_programs()
    {
        var conf = File(ExportTarget.Supervisord, "shop.conf");

        Assert.Contains("stopasgroup=true\nkillasgroup=true\n", conf);
        Assert.EndsWith("[group:shop]\nprograms=shop-web,shop-admin\n", conf);
    }

    [Fact]
    public void Compose_publishes_the_ports_the_server_listens_on()
    {
        var services = ComposeServices(TwoProcesses());

        Assert.Equal("shop", Scalar(services, "web", "image"));
        Assert.Equal(["web"], Sequence(services, "web", "command"));
        Assert.Equal(["8000:8000"], Sequence(services, "web", "ports"));
        Assert.Equal(["9001:9001", "9002:9002"], Sequence(services, "admin", "ports"));
        Assert.Equal("15s", Scalar(services, "web", "stop_grace_period"));
        Assert.Equal("Production", Scalar(services, "web", "environment", "DOTNET_ENVIRONMENT"));
    }

    [Fact]
    public void Compose_says_which_directories_a_process_writes_in_since_the_container_has_only_what_the_image_has()
    {
        // /tmp/celery is not in the image: the beat refused to start ("is in a directory that does not exist"), unsaid.
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat)
        {
            App = "mysite", Args = new CeleryBeatArgs { Schedule = "/tmp/celery/celerybeat-schedule", LogFile = "/tmp/beat.log" },
        };
        var notes = new System.Collections.Generic.List<string>();

        Exporter.Export(ExportTarget.Compose, TwoProcesses() with { Processes = [beat] }, notes);

        var note = Assert.Single(notes);
        Assert.StartsWith("compose: process 'beat' writes in /tmp/celery (Args:Schedule): each must exist in the image", note, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp (", note, StringComparison.Ordinal); // /tmp is in every image
        notes.Clear();
        Exporter.Export(ExportTarget.Compose, TwoProcesses(), notes);
        Assert.Empty(notes);
    }

    [Fact]
    public void Compose_checks_health_the_way_readiness_does_and_waits_for_healthy_dependencies()
    {
        var deployment = TwoProcesses();
        deployment.Processes[0].DependsOn.Add("admin");
        deployment.Processes[1].Readiness.Path = "/health";

        var services = ComposeServices(deployment);

        // admin: its readiness path, asked with Python's standard library (the image runs Django, so it has Python); the
        // port, path and status are arguments of a constant script.
        var adminTest = Sequence(services, "admin", "healthcheck", "test");
        Assert.Equal(["CMD", "python3", "-c"], adminTest.Take(3));
        Assert.Contains("open('http://' + h + ':' + sys.argv[2] + sys.argv[3]", adminTest[3], StringComparison.Ordinal);
        Assert.Equal(["127.0.0.1", "9001", "/health", "200"], adminTest.Skip(4));
        // web: its port accepts connections.
        var webTest = Sequence(services, "web", "healthcheck", "test");
        Assert.Contains("socket.create_connection((a, int(p)), 2)", webTest[3], StringComparison.Ordinal);
        Assert.Equal(["127.0.0.1", "8000"], webTest.Skip(4));
        Assert.Equal("service_healthy", Scalar(services, "web", "depends_on", "admin", "condition"));
        Assert.Equal("30s", Scalar(services, "web", "healthcheck", "start_period"));
    }

    [Fact]
    public void Compose_runs_the_configured_replicas_and_copies_expose_rather_than_publish_their_ports()
    {
        var deployment = TwoProcesses();
        deployment.Processes[0].Replicas = 3;

        var services = ComposeServices(deployment);

        Assert.Equal("3", Scalar(services, "web", "deploy", "replicas"));
        Assert.Equal(["8000"], Sequence(services, "web", "expose"));
        Assert.False(((YamlMappingNode)services.Children[new YamlScalarNode("web")]).Children.ContainsKey(new YamlScalarNode("ports")));
        Assert.Equal("1", Scalar(services, "admin", "deploy", "replicas"));
    }

    [Fact]
    public void A_worker_without_a_port_has_no_health_check_and_is_waited_for_until_started()
    {
        var worker = new ProcessDefinition("worker", ServerBackends.CeleryWorker) { App = "proj" };
        var beat = new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj" };
        beat.DependsOn.Add("worker");

        var services = ComposeServices(new Deployment("shop", ["/srv/shop"], "/srv", [worker, beat]));

        Assert.False(((YamlMappingNode)services.Children[new YamlScalarNode("worker")]).Children.ContainsKey(new YamlScalarNode("healthcheck")));
        Assert.Equal("service_started", Scalar(services, "beat", "depends_on", "worker", "condition"));
        Assert.Equal("1", Scalar(services, "beat", "deploy", "replicas"));
    }

    [Fact]
    public void Compose_values_that_yaml_would_misread_stay_strings()
    {
        var odd = new ProcessDefinition("on", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { Port = 8000 } };

        var services = ComposeServices(new Deployment("yes", ["/srv/yes"], "/srv", [odd], EnvironmentName: "1.0"));

        Assert.Equal("yes", Scalar(services, "on", "image"));
        Assert.Equal("1.0", Scalar(services, "on", "environment", "DOTNET_ENVIRONMENT"));
        Assert.Contains("\"on\":", Exporter.Export(ExportTarget.Compose, new Deployment("yes", ["/srv/yes"], "/srv", [odd])).Single().Content, StringComparison.Ordinal);
    }

    // Parsed back with the same library: the file is YAML, not text that looks like it.
    private static YamlMappingNode ComposeServices(Deployment deployment)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Exporter.Export(ExportTarget.Compose, deployment).Single(f => f.Name == "compose.yaml").Content));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        return (YamlMappingNode)root.Children[new YamlScalarNode("services")];
    }

    private static YamlNode Node(YamlMappingNode services, string[] path)
    {
        YamlNode node = services;
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    private static string? Scalar(YamlMappingNode services, params string[] path) => ((YamlScalarNode)Node(services, path)).Value;

    private static string[] Sequence(YamlMappingNode services, params string[] path) =>
        ((YamlSequenceNode)Node(services, path)).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    [Fact]
    public void A_unix_socket_server_publishes_no_port_and_an_unset_port_is_waitress_default()
    {
        var socket = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Args = new WaitressArgs { UnixSocket = "/run/app.sock" } };
        var plain = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b" };

        Assert.Empty(ServerBackends.Waitress.GetPorts(socket));
        Assert.Equal([8080], ServerBackends.Waitress.GetPorts(plain));
    }

    [Fact]
    public void The_procfile_has_one_line_per_process()
    {
        Assert.Equal("web: '/srv/shop app/shop' web\nadmin: '/srv/shop app/shop' admin\n", File(ExportTarget.Procfile, "Procfile"));
    }

    [Theory]
    [InlineData("systemd", ExportTarget.Systemd)]
    [InlineData("Supervisord", ExportTarget.Supervisord)]
    [InlineData("COMPOSE", ExportTarget.Compose)]
    [InlineData("procfile", ExportTarget.Procfile)]
    [InlineData("Kubernetes", ExportTarget.Kubernetes)]
    public void Targets_are_named_in_any_case(string name, ExportTarget expected)
    {
        Assert.True(Exporter.TryParseTarget(name, out var target));
        Assert.Equal(expected, target);
    }

    [Theory]
    [InlineData("heroku")]
    [InlineData("1")]
    [InlineData("")]
    public void Unknown_targets_are_refused(string name) => Assert.False(Exporter.TryParseTarget(name, out _));

    [Fact]
    public void The_export_command_line_reads_target_output_and_names()
    {
        var parsed = ProdServerCommandLine.Parse(["export", "systemd", "--out", "deploy", "web", "--environment", "Production"]);

        Assert.True(parsed.Export);
        Assert.Equal("systemd", parsed.ExportTarget);
        Assert.Equal("deploy", parsed.OutputDirectory);
        Assert.Equal(["web"], parsed.Names);
    }
}
