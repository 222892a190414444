using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Celery Flower started through the SDK serves its UI behind basic auth and stops with the host.</summary>
public sealed class CeleryFlowerSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [FactWhenPythonModule("flower", "pip install flower (Debian 12 has no package)")]
    public async Task I_can_run_flower_on_loopback_with_basic_auth_and_it_answers_401_without_credentials()
    {
        await using var redis = await RedisServer.StartAsync();
        var port = Loopback.FreePort();
        var (host, logs) = TestHost.Build(o => o.UseCeleryFlower("psc_celery", f => f with
        {
            Broker = redis.Url(0), Address = "127.0.0.1", Port = port, BasicAuth = ["user:secret"],
        }).WorkingDirectory("apps").Python(Python.Debian));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = host.RunProdServerAsync(["flower"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(logs, "flower#", Budget, run);
            await TestHost.WaitForLogAsync(logs, "is ready", Budget, run);
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/api/workers"));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await run.WaitAsync(Budget));
        Assert.False(Loopback.IsRunning(logs.StartedPid("flower")), $"flower outlived the host:\n{logs.Text}");
    }
}
