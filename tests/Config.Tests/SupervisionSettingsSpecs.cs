using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>Restart, back-off and readiness settings: in code, in configuration, and their validation.</summary>
public sealed class SupervisionSettingsSpecs
{
    private const string App = "mysite.wsgi:application";

    [Fact]
    public void Defaults_follow_supervisord_one_second_to_settle_three_retries_restart_on_failure()
    {
        var web = Assert.Single(Options.Resolve(o => o.UseWaitress(App)).Processes);

        Assert.Equal(RestartPolicy.OnFailure, web.Restart);
        Assert.Equal(TimeSpan.FromSeconds(1), web.StartSeconds);
        Assert.Equal(3, web.StartRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), web.RestartDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), web.RestartMaxDelay);
        Assert.Null(web.Readiness.Path);
        Assert.Equal(200, web.Readiness.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), web.Readiness.Timeout);
    }

    [Fact]
    public void I_can_set_every_supervision_setting_in_code()
    {
        var web = Assert.Single(Options.Resolve(o => o.UseWaitress(App)
            .Restart(RestartPolicy.Always, startRetries: 5)
            .StartSeconds(TimeSpan.FromSeconds(2))
            .RestartDelay(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1))
            .Readiness("/health", 204, TimeSpan.FromSeconds(10))).Processes);

        Assert.Equal(RestartPolicy.Always, web.Restart);
        Assert.Equal(5, web.StartRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), web.StartSeconds);
        Assert.Equal(TimeSpan.FromMilliseconds(500), web.RestartDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), web.RestartMaxDelay);
        Assert.Equal("/health", web.Readiness.Path);
        Assert.Equal(204, web.Readiness.Status);
        Assert.Equal(TimeSpan.FromSeconds(10), web.Readiness.Timeout);
    }

    [Fact]
    public void I_can_set_every_supervision_setting_in_appsettings_json_and_it_wins_over_code()
    {
        var options = Options.FromJson("""
            {
              "ProdServer": {
                "OnGiveUp": "KeepOthers",
                "Processes": {
                  "web": {
                    "Restart": "never", "StartSeconds": "2.5", "StartRetries": 7,
                    "RestartDelay": "00:00:00.250", "RestartMaxDelay": 60,
                    "Readiness": { "Path": "/ready", "Status": 200, "Timeout": "00:00:45" }
                  }
                }
              }
            }
            """, o => o.UseWaitress(App).Restart(RestartPolicy.Always));

        var web = Assert.Single(options.Processes);
        Assert.Equal(GiveUpPolicy.KeepOthers, options.OnGiveUp);
        Assert.Equal(RestartPolicy.Never, web.Restart);
        Assert.Equal(TimeSpan.FromSeconds(2.5), web.StartSeconds);
        Assert.Equal(7, web.StartRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), web.RestartDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), web.RestartMaxDelay);
        Assert.Equal("/ready", web.Readiness.Path);
        Assert.Equal(TimeSpan.FromSeconds(45), web.Readiness.Timeout);
    }

    [Fact]
    public void Systemd_spelling_on_failure_is_accepted()
    {
        var web = Assert.Single(Options.Resolve(o => o.UseWaitress(App).Restart(RestartPolicy.Never),
            new Dictionary<string, string?> { ["ProdServer:Processes:web:Restart"] = "on-failure" }).Processes);

        Assert.Equal(RestartPolicy.OnFailure, web.Restart);
    }

    [Theory]
    [InlineData("Restart", "sometimes", "Process 'web': Restart 'sometimes' (ProdServer:Processes:web:Restart) must be Never, OnFailure or Always.")]
    [InlineData("Restart", "1", "Process 'web': Restart '1' (ProdServer:Processes:web:Restart) must be Never, OnFailure or Always.")]
    [InlineData("StartRetries", "-1", "Process 'web': StartRetries '-1' (ProdServer:Processes:web:StartRetries) must be a whole number, 0 or more.")]
    [InlineData("StartSeconds", "soon", "Process 'web': StartSeconds 'soon' (ProdServer:Processes:web:StartSeconds) must be seconds (1.5) or a time span (00:00:01.5).")]
    [InlineData("Readiness:Status", "ok", "Process 'web': Readiness:Status 'ok' (ProdServer:Processes:web:Readiness:Status) must be an HTTP status code such as 200.")]
    [InlineData("Readiness:Timeout", "x", "Process 'web': Readiness:Timeout 'x' (ProdServer:Processes:web:Readiness:Timeout) must be seconds (1.5) or a time span (00:00:01.5).")]
    [InlineData("Readiness:Probe", "x", "Process 'web': ProdServer:Processes:web:Readiness:Probe is not a readiness setting; expected one of Path, Status, Timeout.")]
    [InlineData("Readiness:Path", "health", "Process 'web': Readiness:Path must be an absolute URL path such as /health, without spaces or line breaks, got 'health'. (ProdServer:Processes:web:Readiness:Path)")]
    [InlineData("Readiness:Path", "/a b", "Process 'web': Readiness:Path must be an absolute URL path such as /health, without spaces or line breaks, got '/a b'. (ProdServer:Processes:web:Readiness:Path)")]
    [InlineData("RestartMaxDelay", "0.1", "Process 'web': RestartMaxDelay must be at least RestartDelay (00:00:01), got 00:00:00.1000000. (ProdServer:Processes:web:RestartMaxDelay)")]
    [InlineData("Resources:Cpu", "lots", "Process 'web': Resources:Cpu must be a Kubernetes quantity such as 250m or 2, got 'lots'. (ProdServer:Processes:web:Resources:Cpu)")]
    [InlineData("Resources:Memory", "-1Gi", "Process 'web': Resources:Memory must be a Kubernetes quantity such as 256Mi or 1Gi, got '-1Gi'. (ProdServer:Processes:web:Resources:Memory)")]
    [InlineData("Resources:Disk", "1Gi", "Process 'web': ProdServer:Processes:web:Resources:Disk is not a resource setting; expected one of Cpu, Memory.")]
    [InlineData("Replicas", "0", "Process 'web': Replicas '0' (ProdServer:Processes:web:Replicas) must be a whole number, 1 or more.")]
    [InlineData("Replicas", "5000", "Process 'web': Replicas must be between 1 and 1000, got 5000. (ProdServer:Processes:web:Replicas)")]
    [InlineData("StartRetries", "100000", "Process 'web': StartRetries must be between 0 and 1000, got 100000. (ProdServer:Processes:web:StartRetries)")]
    public void A_bad_supervision_setting_is_rejected_naming_the_process_and_the_key(string key, string value, string expected)
    {
        var failure = Options.SingleFailure(o => o.UseWaitress(App), new Dictionary<string, string?> { ["ProdServer:Processes:web:" + key] = value });

        Assert.Equal(expected, failure);
    }

    [Theory]
    [InlineData("StartSeconds", "86401")]
    [InlineData("RestartDelay", "2.00:00:00")]
    [InlineData("RestartMaxDelay", "90000")]
    [InlineData("RestartMaxDelay", "0.5")] // shorter than RestartDelay's 1 s
    [InlineData("StartRetries", "1001")]
    [InlineData("Replicas", "1001")]
    [InlineData("Readiness:Timeout", "0")]
    [InlineData("Readiness:Status", "600")]
    [InlineData("Readiness:Path", "//x")]
    [InlineData("Resources:Cpu", "0")]
    [InlineData("Resources:Memory", "1Xi")]
    public void Start_up_refuses_a_value_outside_a_limit_in_the_words_of_the_one_map_the_analyzers_read(string key, string value)
    {
        // The validator, PSC0115 (appsettings) and PSC0117 (C# constants) each had a table from keys to limits; they now
        // read SupervisionLimits.ForKey, here by the key in another case, as configuration reads it.
        var failures = Options.Failures(o => o.UseWaitress(App), new Dictionary<string, string?> { ["ProdServer:Processes:web:" + key] = value });
        var time = SettingRules.TryParseTime(value, out var parsed) ? parsed : (TimeSpan?)null;
        var said = SupervisionLimits.ForKey(key.ToLowerInvariant(), time, SettingRules.Integer(value), value, restartDelay: TimeSpan.FromSeconds(1));

        Assert.NotNull(said);
        Assert.Equal($"Process 'web': {said} (ProdServer:Processes:web:{key})", failures[0]); // RestartDelay's 2 days is also longer than RestartMaxDelay, said second
    }

    [Theory]
    [InlineData("StopTimeout", "10")]
    [InlineData("Replicas", "1000")]
    [InlineData("Readiness:Status", "599")]
    [InlineData("Restart", "0")] // no limit here: the binder's rule
    [InlineData("Args:threads", "0")]
    public void A_value_within_its_limit_or_a_key_without_one_is_not_refused_by_the_map(string key, string value) =>
        Assert.Null(SupervisionLimits.ForKey(key, SettingRules.TryParseTime(value, out var time) ? time : null, SettingRules.Integer(value), value));

    [Fact]
    public void A_readiness_path_on_a_process_without_a_port_or_a_socket_is_rejected()
    {
        var failure = Options.SingleFailure(o => o.UseCeleryWorker("mysite.celery:app", w => w with { Broker = "redis://localhost:6379/0" }).Readiness("/health"));

        Assert.Equal("Process 'worker': Readiness:Path needs a TCP port or a Unix socket to ask, but this CeleryWorker process listens on neither (a worker). (ProdServer:Processes:worker:Readiness:Path)", failure);
    }

    [Fact]
    public void A_readiness_path_on_a_process_on_a_unix_socket_is_accepted_it_is_asked_over_the_socket()
    {
        // Before, a path needed a TCP port: a server behind a proxy's socket could not have one.
        var web = Assert.Single(Options.Resolve(o => o.UseWaitress(App, w => w with { UnixSocket = "/tmp/web.sock" }).Readiness("/health")).Processes);

        Assert.Equal("/health", web.Readiness.Path);
    }

    [Fact]
    public void An_unknown_OnGiveUp_is_rejected()
    {
        var failure = Options.SingleFailure(o => o.UseWaitress(App), new Dictionary<string, string?> { ["ProdServer:OnGiveUp"] = "Panic" });

        Assert.Equal("OnGiveUp 'Panic' (ProdServer:OnGiveUp) must be StopAll or KeepOthers.", failure);
    }

    [Theory]
    [InlineData(null, null, null, "0.0.0.0:8080")]
    [InlineData("127.0.0.1", 8000, null, "127.0.0.1:8000")]
    [InlineData(null, null, "[::1]:9000 *:9001 localhost:9002", "[::1]:9000 *:9001 localhost:9002")]
    public void Waitress_listens_where_its_flags_say(string? host, int? port, string? listen, string expected)
    {
        var process = new ProcessDefinition("web", ServerBackends.Waitress)
        {
            Args = new WaitressArgs { Host = host, Port = port, Listen = listen?.Split(' ') },
        };

        Assert.Equal(expected, string.Join(' ', ServerBackends.Waitress.GetListenEndpoints(process)));
    }

    [Fact]
    public void Waitress_on_a_unix_socket_listens_on_no_port()
    {
        var process = new ProcessDefinition("web", ServerBackends.Waitress) { Args = new WaitressArgs { UnixSocket = "/tmp/w.sock" } };

        Assert.Empty(ServerBackends.Waitress.GetListenEndpoints(process));
    }

    public static TheoryData<string, ProcessDefinition, bool> OpenPortMeansLoaded => new()
    {
        { "waitress-serve", new ProcessDefinition("web", ServerBackends.Waitress) { Args = new WaitressArgs() }, true },
        { "daphne", new ProcessDefinition("web", ServerBackends.Daphne) { Args = new DaphneArgs() }, true },
        { "a single uvicorn", new ProcessDefinition("web", ServerBackends.Uvicorn) { Args = new UvicornArgs() }, true },
        { "uvicorn with one worker", new ProcessDefinition("web", ServerBackends.Uvicorn) { Args = new UvicornArgs { Workers = 1 } }, true },
        { "uvicorn with two workers", new ProcessDefinition("web", ServerBackends.Uvicorn) { Args = new UvicornArgs { Workers = 2 } }, false },
        { "uvicorn --reload", new ProcessDefinition("web", ServerBackends.Uvicorn) { Args = new UvicornArgs { Reload = true } }, false },
        { "gunicorn", new ProcessDefinition("web", ServerBackends.Gunicorn) { Args = new GunicornArgs() }, false },
        { "gunicorn --preload", new ProcessDefinition("web", ServerBackends.Gunicorn) { Args = new GunicornArgs { Preload = true } }, true },
        { "granian", new ProcessDefinition("web", ServerBackends.Granian) { Args = new GranianArgs() }, false },
        { "a celery worker", new ProcessDefinition("worker", ServerBackends.CeleryWorker) { Args = new CeleryWorkerArgs() }, false },
    };

    [Theory]
    [MemberData(nameof(OpenPortMeansLoaded))]
    public void Only_a_server_that_binds_after_importing_the_app_says_an_open_port_means_it_is_loaded(string server, ProcessDefinition process, bool expected)
    {
        Assert.True(expected == process.Backend.ListensOnceAppLoaded(process), server);
    }

    [Fact]
    public void All_selects_every_process_and_is_never_a_process_name()
    {
        var parsed = ProdServerCommandLine.Parse(["--all", "--dry-run"]);

        Assert.True(parsed.All);
        Assert.True(parsed.DryRun);
        Assert.Empty(parsed.Names);
        Assert.Contains("--all", ProdServerCommandLine.Usage);
    }
}
