using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The testing API: an app's setup as a plan, without a host, Python or a started process.</summary>
public sealed class ProdServerPlanSpecs
{
    private static void Configure(ProdServerBuilder o) =>
        o.UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Port = 8000, Threads = 4 }).WorkingDirectory("src");

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void A_test_gets_the_exact_argv_of_a_process_declared_in_code()
    {
        var plan = ProdServerPlan.Create(Configure, contentRoot: "/srv/site");

        var web = plan.Process("web");

        Assert.True(plan.IsValid);
        Assert.Equal("waitress-serve", web.Executable);
        Assert.Equal(["--host=127.0.0.1", "--port=8000", "--threads=4", "mysite.wsgi:application"], web.Arguments);
        Assert.Equal(Path.GetFullPath("/srv/site/src"), web.WorkingDirectory);
        Assert.Equal("1", web.Environment["PYTHONUNBUFFERED"]);
        Assert.Equal("Waitress", web.Backend);
    }

    [Fact]
    public void Configuration_wins_over_code_as_in_a_running_app()
    {
        var plan = ProdServerPlan.Create(Configure, Settings(new()
        {
            ["ProdServer:Processes:web:Backend"] = "Gunicorn",
            ["ProdServer:Processes:web:Args:Workers"] = "3",
        }));

        var web = plan.Process("web");

        Assert.Equal("gunicorn", web.Executable);
        Assert.Contains("--workers=3", web.Arguments);
    }

    [Fact]
    public void A_bad_value_is_a_problem_naming_the_process_and_the_key_and_no_plan_is_given()
    {
        var plan = ProdServerPlan.Create(Configure, Settings(new() { ["ProdServer:Processes:web:Args:Threads"] = "0" }));

        Assert.False(plan.IsValid);
        var problem = Assert.Single(plan.Problems);
        Assert.Contains("Process 'web'", problem, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Args:Threads", problem, StringComparison.Ordinal);
        var refused = Assert.Throws<InvalidOperationException>(() => plan.Process("web"));
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_production_rule_warns_with_its_id_and_an_error_level_one_is_a_problem_in_Production_only()
    {
        var exposed = Settings(new() { ["ProdServer:Processes:web:Args:ExposeTracebacks"] = "true" });
        var strict = Settings(new()
        {
            ["ProdServer:Processes:web:Args:ExposeTracebacks"] = "true",
            ["ProdServer:Rules:PSC0001"] = "error",
        });

        Assert.Contains(ProdServerPlan.Create(Configure, exposed).Warnings, w => w.StartsWith("PSC0001: Process 'web'", StringComparison.Ordinal));
        Assert.Contains(ProdServerPlan.Create(Configure, strict).Problems, p => p.StartsWith("PSC0001: Process 'web'", StringComparison.Ordinal));
        Assert.True(ProdServerPlan.Create(Configure, strict, environmentName: "Development").IsValid);
    }

    [Fact]
    public void An_unknown_process_name_lists_the_declared_ones()
    {
        var plan = ProdServerPlan.Create(Configure);

        var missing = Assert.Throws<KeyNotFoundException>(() => plan.Process("wbe"));

        Assert.Equal("No process 'wbe' is declared; declared: web.", missing.Message);
        Assert.Equal(["web"], plan.ProcessNames);
    }

    [Fact]
    public void A_configuration_only_setup_needs_no_delegate()
    {
        var plan = ProdServerPlan.Create(null, Settings(new()
        {
            ["ProdServer:Processes:worker:Backend"] = "CeleryWorker",
            ["ProdServer:Processes:worker:App"] = "proj",
        }));

        var worker = plan.Process("worker");

        Assert.Equal(["-m", "celery", "--app=proj", "worker"], System.Linq.Enumerable.Take(worker.Arguments, 4));
    }
}
