using System;
using System.IO;
using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>Deployment files generated from the typed processes (the real tools check them in the integration tests).</summary>
public sealed class ExportSpecs
{
    private static Deployment TwoProcesses(TimeSpan? adminStop = null)
    {
        var web = new ProcessDefinition("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "127.0.0.1", Port = 8000 } };
        var admin = new ProcessDefinition("admin", ServerBackends.Waitress)
        {
            App = "mysite.admin:application",
            Args = new WaitressArgs { Listen = ["127.0.0.1:9001", "[::1]:9001", "127.0.0.1:9002"] },
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

    [Fact]
    public void Each_service_runs_the_app_itself_with_the_process_name_shell_quoted()
    {
        var service = File(ExportTarget.Systemd, "shop-web.service");

        Assert.Contains("ExecStart='/srv/shop app/shop' web\n", service);
        Assert.Contains("WorkingDirectory=/srv/shop app\n", service);
        Assert.Contains("Environment=DOTNET_ENVIRONMENT=Production\n", service);
        Assert.Contains("KillMode=mixed\n", service);
        Assert.Contains("Restart=on-failure\n", service);
    }

    [Fact]
    public void Outer_stop_timeouts_are_longer_than_ours_so_they_nest()
    {
        // Our stop timeout (42 s for admin, the 10 s default for web) + the margin, in every target.
        Assert.Contains("TimeoutStopSec=47\n", File(ExportTarget.Systemd, "shop-admin.service"));
        Assert.Contains("TimeoutStopSec=15\n", File(ExportTarget.Systemd, "shop-web.service"));
        var supervisord = File(ExportTarget.Supervisord, "shop.conf");
        Assert.Contains("[program:shop-admin]\ncommand='/srv/shop app/shop' admin\n", supervisord);
        Assert.Contains("stopwaitsecs=47\n", supervisord);
        Assert.Contains("stop_grace_period: 47s\n", File(ExportTarget.Compose, "compose.yaml"));
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
        var compose = File(ExportTarget.Compose, "compose.yaml");

        Assert.Contains("  \"web\":\n    image: \"shop\"\n    command: [\"web\"]\n", compose);
        Assert.Contains("    ports:\n      - \"8000:8000\"\n", compose);
        Assert.Contains("    ports:\n      - \"9001:9001\"\n      - \"9002:9002\"\n", compose);
    }

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
    public void Targets_are_named_in_any_case(string name, ExportTarget expected)
    {
        Assert.True(Exporter.TryParseTarget(name, out var target));
        Assert.Equal(expected, target);
    }

    [Theory]
    [InlineData("kubernetes")]
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
