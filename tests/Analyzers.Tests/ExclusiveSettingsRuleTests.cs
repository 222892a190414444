using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>PSC0112: settings of one server that exclude each other, as a function over a <see cref="SettingsBag"/> and in C#.</summary>
public sealed class ExclusiveSettingsRuleTests
{
    private static string[] Messages(string backend, params (string Key, object? Value)[] settings)
    {
        var bag = new SettingsBag();
        foreach (var (key, value) in settings)
        {
            bag.Set(key, value);
        }

        return [.. RuleRegistry.Run(backend, bag, new RuleContext()).Where(f => f.Rule.Id == "PSC0112").Select(f => f.Message)];
    }

    [Theory]
    [InlineData("Uvicorn", "Uds", "/run/web.sock", "Port", 8000L, "Uds cannot be combined with Host, Port or Fd")]
    [InlineData("UvicornWsgi", "Fd", 3L, "host", "127.0.0.1", "Fd cannot be combined with Host or Port")]
    [InlineData("Uvicorn", "Workers", 4L, "Reload", true, "Workers above 1 cannot be combined with Reload")]
    [InlineData("Granian", "Uds", "/run/web.sock", "Host", "127.0.0.1", "Uds cannot be combined with Host or Port")]
    [InlineData("Gunicorn", "NoControlSocket", true, "control-socket", "/run/gunicorn.ctl", "NoControlSocket cannot be combined")]
    [InlineData("CeleryWorker", "HeartbeatInterval", 10L, "WithoutHeartbeat", "True", "HeartbeatInterval has no effect with WithoutHeartbeat")]
    [InlineData("Daphne", "ServerName", "web", "NoServerName", true, "ServerName cannot be combined with NoServerName")]
    [InlineData("DjangoDevServer", "Insecure", true, "NoStatic", true, "Insecure has no effect with NoStatic")]
    [InlineData("DjangoTasks", "Reload", true, "Batch", true, "Reload has no effect with Batch")]
    [InlineData("DjangoQ", "ForceColor", true, "NoColor", true, "ForceColor cannot be combined with NoColor")]
    [InlineData("RqWorker", "force_color", "true", "no-color", true, "ForceColor cannot be combined with NoColor")]
    public void A_pair_the_server_refuses_is_reported_with_the_start_up_message(string backend, string key, object value, string otherKey, object otherValue, string message)
    {
        var reported = Assert.Single(Messages(backend, (key, value), (otherKey, otherValue)));
        Assert.StartsWith(message, reported, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Uvicorn", "Workers", 4L, "Reload", false)]
    [InlineData("Uvicorn", "Workers", 4L, "Reload", null)] // known only at run time (Reload = isDevelopment)
    [InlineData("Uvicorn", "Workers", 1L, "Reload", true)] // uvicorn --reload --workers 1 runs as --reload alone
    [InlineData("Daphne", "ServerName", "web", "NoServerName", false)]
    [InlineData("DjangoTasks", "Reload", false, "Batch", true)]
    [InlineData("Waitress", "Uds", "/run/web.sock", "Port", 8000L)] // waitress has no such pair (its own is PSC0004)
    public void A_switch_that_is_off_or_unknown_and_a_backend_without_the_pair_are_not_reported(string backend, string key, object value, string otherKey, object? otherValue) =>
        Assert.Empty(Messages(backend, (key, value), (otherKey, otherValue)));

    [Fact]
    public void One_setting_alone_is_not_reported() => Assert.Empty(Messages("Uvicorn", ("Uds", "/run/web.sock")));

    [Fact]
    public Task Is_reported_in_one_initializer_in_CSharp_and_not_for_one_setting_alone() => Verify.AnalyzerAsync<ServerArgsAnalyzer>("""
        using ProdServer.Config;

        class Startup
        {
            UvicornArgs Socket(UvicornArgs u) => u with { {|#0:Uds = "/run/web.sock"|}, Fd = 3 };
            UvicornArgs Alone() => new UvicornArgs { Uds = "/run/web.sock", Reload = false };
        }
        """,
        Verify.Diagnostic(RuleRegistry.ExclusiveSettings, 0)
            .WithArguments("Uds cannot be combined with Host, Port or Fd: uvicorn would listen on the socket and silently ignore the others"));
}
