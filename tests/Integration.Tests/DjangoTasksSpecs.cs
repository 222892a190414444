using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The SDK runs django-tasks-db's <c>manage.py db_worker</c>. Debian packages neither django-tasks-db nor a Django new enough
/// for it (4.2+), so this runs where <c>django_tasks_db</c> is importable by /usr/bin/python3 and is reported skipped elsewhere;
/// the translation is covered by the catalogue tests in Config.Tests either way.
/// </summary>
public sealed class DjangoTasksSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [FactWhenPythonModule("django_tasks_db", "pip install django-tasks-db (with Django 4.2 or later)")]
    public async Task I_can_run_db_worker_in_batch_mode_and_it_runs_the_queued_task_then_exits_0()
    {
        using var site = new DjangoSite("tasksite");
        await site.MigrateAsync();
        var (enqueued, id) = await TestHost.RunScriptAsync(site.Directory, site.Environment, Budget, "tasks_client.py", "enqueue", "6", "7");
        Assert.True(enqueued == 0, id);

        var (host, logs) = TestHost.Build(o => o
            .UseDjangoTasks(d => d with
            {
                Batch = true, Reload = false, NoStartupDelay = true, QueueName = ["default"], Interval = 0.1, WorkerId = "psc-test", Verbosity = DjangoVerbosity.Normal,
            })
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian)
            .Environment("PSC_DB", site.Database));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var exitCode = await host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token).WaitAsync(Budget);

        Assert.True(exitCode == 0, logs.Text);
        Assert.Contains("manage.py db_worker --queue-name=default --interval=0.1 --batch --no-reload --no-startup-delay --worker-id=psc-test --verbosity=1", logs.Text, StringComparison.Ordinal);
        var (code, result) = await TestHost.RunScriptAsync(site.Directory, site.Environment, Budget, "tasks_client.py", "result", id.Trim());
        Assert.True(code == 0, result);
        Assert.Contains("value 42", result, StringComparison.Ordinal);
    }
}
