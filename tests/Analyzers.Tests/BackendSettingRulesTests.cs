using System.Linq;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// PSC0201–PSC0501: the Gunicorn, Uvicorn, Granian and Celery rules as plain functions over a <see cref="SettingsBag"/>,
/// which the analyzer, the JSON checker and the runtime all run.
/// </summary>
public sealed class BackendSettingRulesTests
{
    private static string[] Ids(string backend, string key, object? value, bool development = false) =>
        RuleRegistry.Run(backend, Bag(key, value), new RuleContext { IsDevelopment = development }).Select(f => f.Rule.Id).ToArray();

    private static SettingsBag Bag(string key, object? value)
    {
        var bag = new SettingsBag();
        bag.Set(key, value);
        return bag;
    }

    [Theory]
    [InlineData("Gunicorn", "PSC0201")]
    [InlineData("Uvicorn", "PSC0301")]
    [InlineData("UvicornWsgi", "PSC0301")]
    [InlineData("Granian", "PSC0401")]
    [InlineData("GranianWsgi", "PSC0401")]
    [InlineData("Hypercorn", "PSC0701")]
    [InlineData("HypercornWsgi", "PSC0701")]
    public void Reload_switched_on_is_reported_in_production_only(string backend, string id)
    {
        Assert.Equal([id], Ids(backend, "Reload", true));
        Assert.Equal([id], Ids(backend, "reload", "True"));
        Assert.Empty(Ids(backend, "Reload", false));
        Assert.Empty(Ids(backend, "Reload", null));
        Assert.Empty(Ids(backend, "Reload", true, development: true));
    }

    [Fact]
    public void Uwsgi_py_autoreload_is_reported_in_production_when_it_polls_and_not_when_0_switches_it_off()
    {
        var finding = Assert.Single(RuleRegistry.Run("Uwsgi", Bag("py-autoreload", 2L), new RuleContext()));
        Assert.Equal("PSC0801", finding.Rule.Id);
        Assert.Contains("'PyAutoreload' is 2:", finding.Message, System.StringComparison.Ordinal);
        Assert.Empty(Ids("Uwsgi", "PyAutoreload", 0L));
        Assert.Empty(Ids("Uwsgi", "PyAutoreload", 2L, development: true));
    }

    [Fact]
    public void An_rq_worker_in_burst_mode_is_reported_in_production_only()
    {
        Assert.Equal(["PSC0901"], Ids("RqWorker", "Burst", true));
        Assert.Equal(["PSC0901"], Ids("RqWorker", "burst", "True"));
        Assert.Empty(Ids("RqWorker", "Burst", false));
        Assert.Empty(Ids("RqWorker", "Burst", true, development: true));
    }

    [Fact]
    public void Gunicorn_daemon_is_an_error_in_every_environment()
    {
        Assert.Equal(["PSC0202"], Ids("Gunicorn", "Daemon", true));
        Assert.Equal(["PSC0202"], Ids("Gunicorn", "daemon", true, development: true));
        Assert.Equal(RuleSeverity.Error, RuleRegistry.GunicornDaemon.DefaultSeverity);
        Assert.Empty(Ids("Gunicorn", "Daemon", false));
    }

    [Theory]
    [InlineData("Gunicorn", "Debug", "PSC0203")]
    [InlineData("Gunicorn", "debug", "PSC0203")]
    [InlineData("Uvicorn", "debug", "PSC0302")]
    [InlineData("UvicornWsgi", "Trace", "PSC0302")]
    [InlineData("Granian", "debug", "PSC0402")]
    [InlineData("GranianWsgi", "Notset", "PSC0402")]
    [InlineData("CeleryWorker", "DEBUG", "PSC0501")]
    [InlineData("CeleryBeat", "debug", "PSC0501")]
    [InlineData("Hypercorn", "debug", "PSC0702")]
    [InlineData("HypercornWsgi", "NOTSET", "PSC0702")]
    public void A_debug_log_level_is_reported_in_production_only(string backend, string level, string id)
    {
        var finding = Assert.Single(RuleRegistry.Run(backend, Bag("log-level", level), new RuleContext()));
        Assert.Equal(id, finding.Rule.Id);
        Assert.Contains($"'LogLevel' is {level}:", finding.Message, System.StringComparison.Ordinal);
        Assert.Empty(Ids(backend, "LogLevel", level, development: true));
    }

    [Theory]
    [InlineData("Gunicorn", "Info")]
    [InlineData("Gunicorn", "trace")]
    [InlineData("Uvicorn", "Warning")]
    [InlineData("Granian", "info")]
    [InlineData("CeleryWorker", "INFO")]
    [InlineData("CeleryBeat", "Error")]
    public void A_quieter_log_level_is_not_reported(string backend, string level) => Assert.Empty(Ids(backend, "LogLevel", level));

    [Theory]
    [InlineData("Gunicorn", "WSGI")]
    [InlineData("Uvicorn", "ASGI")]
    [InlineData("UvicornWsgi", "WSGI")]
    [InlineData("Granian", "ASGI")]
    [InlineData("GranianWsgi", "WSGI")]
    [InlineData("CeleryWorker", null)]
    [InlineData("CeleryBeat", null)]
    public void Each_backend_names_the_interface_its_app_speaks(string backend, string? appInterface) =>
        Assert.Equal(appInterface, RuleBackends.Find(backend)!.AppInterface);

    [Theory]
    [InlineData("Gunicorn", "GracefulTimeout", 30, 30.0, true)]
    [InlineData("Gunicorn", "graceful_timeout", 31, 30.0, true)]
    [InlineData("Gunicorn", "GracefulTimeout", 30, 35.0, false)]
    [InlineData("Gunicorn", "GracefulTimeout", 30, null, false)]
    [InlineData("Uvicorn", "TimeoutGracefulShutdown", 15, 10.0, true)]
    [InlineData("UvicornWsgi", "timeout-graceful-shutdown", 5, 10.0, false)]
    [InlineData("Granian", "WorkersKillTimeout", 40, 30.0, true)]
    public void A_graceful_timeout_must_fit_inside_the_process_stop_timeout(string backend, string key, int graceful, double? stop, bool reported)
    {
        var findings = RuleRegistry.Run(backend, Bag(key, (long)graceful), new RuleContext { StopTimeoutSeconds = stop });

        Assert.Equal(reported ? ["PSC0105"] : [], findings.Select(f => f.Rule.Id));
    }
}
