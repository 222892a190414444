using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The SDK runs <c>manage.py qcluster</c> of Debian's django-q 1.3.9 (the original project, whose qcluster Django-Q2 kept)
/// with the ORM broker, and the cluster processes a task queued by a client.
/// </summary>
public sealed class DjangoQSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task I_can_run_a_django_q_cluster_that_processes_a_task_queued_with_async_task()
    {
        using var site = new DjangoSite();
        await site.MigrateAsync();
        var (host, logs) = TestHost.Build(o => o
            .UseDjangoQ(q => q with { Verbosity = DjangoVerbosity.Normal, Settings = "djsite.settings" })
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian)
            .Environment("PSC_DB", site.Database));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(logs, "running.", Budget, run);

            var (code, output) = await TestHost.RunScriptAsync(site.Directory, site.Environment, Budget, "enqueue.py", "6", "7");

            Assert.True(code == 0, $"enqueue.py failed ({code}):\n{output}\ncluster log:\n{logs.Text}");
            Assert.Contains("result 42", output, StringComparison.Ordinal);
            await TestHost.WaitForLogAsync(logs, "Processed [", Budget, run);
            Assert.Equal(LogLevel.Information, logs.LevelOf("Processed [")); // django-q logs INFO to stderr
            Assert.Contains("manage.py qcluster --verbosity=1 --settings=djsite.settings", logs.Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(Budget);
        var pid = logs.StartedPid("worker");
        Assert.Equal(0, exitCode);
        Assert.Contains($"worker#{pid} stopped gracefully", logs.Text, StringComparison.Ordinal);
        Assert.False(Loopback.IsRunning(pid), $"qcluster (pid {pid}) outlived the host:\n{logs.Text}");
    }

    [Fact]
    public async Task A_cluster_name_debians_original_django_q_lacks_is_reported_before_launch_and_nothing_is_started()
    {
        // django-q2 is not installed, so the check falls back to the original django-q's version (Django-Q2 continued its numbering).
        using var site = new DjangoSite();
        var (host, logs) = TestHost.Build(o => o
            .UseDjangoQ(q => q with { Name = "emails", Settings = "djsite.settings" })
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian)
            .Environment("PSC_DB", site.Database));
        using var error = new StringWriter();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var exitCode = await host.RunProdServerAsync(["worker"], TextWriter.Null, error, stop.Token).WaitAsync(Budget);

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "Process 'worker': Name (--name) needs django-q 1.5.0 or newer, but the installed django-q is 1.3.9.",
            error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" started", logs.Text, StringComparison.Ordinal); // qcluster itself was never started
    }

    [Fact]
    public async Task A_run_once_cluster_starts_stops_and_ends_the_host_with_exit_code_0()
    {
        using var site = new DjangoSite();
        await site.MigrateAsync();
        var (host, logs) = TestHost.Build(o => o
            .UseDjangoQ(q => q with { RunOnce = true })
            .WorkingDirectory(site.Directory)
            .Python(Python.Debian)
            .Environment("PSC_DB", site.Database));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var exitCode = await host.RunProdServerAsync(["worker"], TextWriter.Null, TextWriter.Null, stop.Token).WaitAsync(Budget);

        Assert.True(exitCode == 0, logs.Text);
        Assert.Contains("manage.py qcluster --run-once", logs.Text, StringComparison.Ordinal);
        Assert.Contains("Q Cluster", logs.Text, StringComparison.Ordinal);
    }
}
