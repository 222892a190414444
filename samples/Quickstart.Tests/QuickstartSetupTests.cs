using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using ProdServer.Config;
using Xunit;

namespace Quickstart.Tests;

/// <summary>
/// The sample's production setup, tested as an app tests its own: <see cref="ProdServerPlan"/> runs the app's
/// <c>Startup.Configure</c> with its appsettings.json, the way the running app would, and answers without Python.
/// </summary>
public sealed class QuickstartSetupTests
{
    // The app's own configuration files, copied next to the tests with the app.
    private static IConfigurationBuilder AppSettings() =>
        new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json");

    private static ProdServerPlan Plan(Dictionary<string, string?>? overrides = null, string environment = "Production") =>
        ProdServerPlan.Create(Startup.Configure, AppSettings().AddInMemoryCollection(overrides ?? []).Build(), environment);

    [Fact]
    public void The_web_process_runs_waitress_with_exactly_the_declared_flags()
    {
        var web = Plan().Process("web");

        Assert.Equal("waitress-serve", web.Executable);
        Assert.Equal(
            ["--host=127.0.0.1", "--port=8000", "--threads=4", "--channel-timeout=60", "--ident=quickstart", "mysite.wsgi:application"],
            web.Arguments);
        Assert.Equal("mysite.settings", web.Environment["DJANGO_SETTINGS_MODULE"]);
    }

    [Fact]
    public void A_bad_value_in_configuration_fails_naming_the_process_and_the_key()
    {
        var plan = Plan(new() { ["ProdServer:Processes:web:Args:Threads"] = "0" });

        Assert.False(plan.IsValid);
        var problem = Assert.Single(plan.Problems);
        Assert.Contains("Process 'web'", problem, StringComparison.Ordinal);
        Assert.Contains("(ProdServer:Processes:web:Args:Threads)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Exposing_tracebacks_fires_the_production_rule_PSC0001()
    {
        var exposed = new Dictionary<string, string?> { ["ProdServer:Processes:web:Args:ExposeTracebacks"] = "true" };

        Assert.Contains(Plan(exposed).Warnings, w => w.StartsWith("PSC0001: Process 'web'", StringComparison.Ordinal));
        Assert.DoesNotContain(Plan(exposed, "Development").Warnings, w => w.StartsWith("PSC0001", StringComparison.Ordinal));
    }
}
