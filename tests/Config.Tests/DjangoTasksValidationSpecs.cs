using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>db_worker mistakes caught at start (<see cref="DjangoTasksArgsValidator"/>), each naming the process and the key.</summary>
public sealed class DjangoTasksValidationSpecs
{
    private static string Failure(Func<DjangoTasksArgs, DjangoTasksArgs> configure) =>
        Options.SingleFailure(o => o.UseDjangoTasks(configure));

    private static void AssertNames(string failure, string key, string problem)
    {
        Assert.StartsWith("Process 'worker': ", failure, StringComparison.Ordinal);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
        Assert.EndsWith($"(ProdServer:Processes:worker:{key})", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typical_worker_passes_without_an_app()
    {
        var options = Options.Resolve(o => o.UseDjangoTasks(d => d with
        {
            QueueName = ["default"], Interval = 0, MaxTasks = 0, WorkerId = new string('w', 64), Reload = false, NoColor = true, Settings = "mysite.settings",
        }));

        Assert.Null(Assert.Single(options.Processes).App);
    }

    [Fact]
    public void An_app_is_refused_because_manage_py_names_the_project()
    {
        var failure = Options.SingleFailure(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:worker:Backend"] = "DjangoTasks",
            ["ProdServer:Processes:worker:App"] = "mysite.wsgi:application",
        });

        AssertNames(failure, "App", "App is not used by the DjangoTasks backend");
    }

    [Fact]
    public void An_empty_queue_list_is_refused_because_db_worker_would_read_None()
    {
        AssertNames(Failure(d => d with { QueueName = [] }), "Args:QueueName", "QueueName must name at least one queue");
    }

    [Fact]
    public void The_all_queues_star_mixed_with_names_is_refused()
    {
        AssertNames(Failure(d => d with { QueueName = ["*", "emails"] }), "Args:QueueName", "QueueName '*' already means every queue");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_interval_that_is_negative_or_not_finite_is_refused(double interval)
    {
        AssertNames(Failure(d => d with { Interval = interval }), "Args:Interval", "Interval must be a finite number of seconds, 0 or more");
    }

    [Fact]
    public void A_negative_max_tasks_is_refused()
    {
        AssertNames(Failure(d => d with { MaxTasks = -1 }), "Args:MaxTasks", "MaxTasks must be 0 or more, got -1.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void A_worker_id_outside_1_to_64_characters_is_refused(int length)
    {
        AssertNames(Failure(d => d with { WorkerId = new string('w', length) }), "Args:WorkerId", "WorkerId must be 1 to 64 characters");
    }

    [Fact]
    public void Reload_with_batch_is_refused_because_db_worker_ignores_it()
    {
        AssertNames(Failure(d => d with { Batch = true, Reload = true }), "Args:Reload", "Reload has no effect with Batch");
    }

    [Fact]
    public void No_color_with_force_color_is_refused_as_Django_does()
    {
        AssertNames(Failure(d => d with { NoColor = true, ForceColor = true }), "Args:ForceColor", "ForceColor cannot be combined with NoColor");
    }

    [Fact]
    public void A_settings_module_that_is_not_dotted_is_refused()
    {
        AssertNames(Failure(d => d with { Settings = "mysite/settings.py" }), "Args:Settings", "Settings must be a dotted module");
    }
}
