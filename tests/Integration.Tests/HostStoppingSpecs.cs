using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// The servers are stopped as soon as the host's lifetime says it is stopping, not when the host's own stop reaches the
/// engine's hosted service (after a hop to the thread pool and every hosted service registered after it).
/// </summary>
public sealed class HostStoppingSpecs
{
    [Fact]
    public async Task The_server_is_stopped_while_a_hosted_service_registered_later_still_holds_the_hosts_stop()
    {
        using var slow = new SlowToStop();
        var (host, logs) = SupervisedHost.Build(
            o => TestBackend.Declare(o, "web", TestBackend.Dummy, null, "serve"),
            services => services.AddSingleton<IHostedService>(slow));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = host.RunProdServerAsync(["--all"], TextWriter.Null, TextWriter.Null, deadline.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var web = logs.StartedPid("web");

        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        // The host stops its hosted services last-registered first: the slow one holds its stop until released.
        await slow.Stopping.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull(await ProcessTable.WaitUntilGoneAsync(web, TimeSpan.FromSeconds(10)));
        // Logged once its last output is (after the process is gone), while the slow service still holds the host's stop.
        await TestHost.WaitForLogAsync(logs, $"web#{web} stopped gracefully", TimeSpan.FromSeconds(10), run);
        Assert.False(run.IsCompleted, "the host finished its stop before the slow service was released");

        slow.Release();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    /// <summary>A hosted service whose stop waits until the test releases it.</summary>
    private sealed class SlowToStop : IHostedService, IDisposable
    {
        private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Stopping => _stopping.Task;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _stopping.TrySetResult();
            return _released.Task.WaitAsync(cancellationToken);
        }

        public void Release() => _released.TrySetResult();

        public void Dispose() => _released.TrySetResult();
    }
}
