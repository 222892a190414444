using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// A traceback's lines carry no level of their own: through the engine they keep the level of the record that logged
/// them (Debian's gunicorn: "[ERROR] Exception in worker process", then the traceback on stderr), not stderr's warning.
/// </summary>
public sealed class TracebackLevelSpecs
{
    [Fact]
    public async Task Gunicorns_traceback_of_an_app_that_fails_to_import_is_logged_as_errors()
    {
        var (host, logs) = ServingHost.Build(o => o
            .UseGunicorn("raises_at_import:app", g => g with { Bind = [$"127.0.0.1:{Loopback.FreePort()}"], Workers = 1 })
            .WorkingDirectory("apps")
            .Python(Python.Debian)
            .Restart(RestartPolicy.Never));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, code);
        var lines = logs.Text.Split('\n').Where(l => l.Contains(" ProdServer.Process.web: ", StringComparison.Ordinal)).ToList();
        var start = lines.FindIndex(l => l.EndsWith("Traceback (most recent call last):", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.EndsWith("RuntimeError: boom at import", StringComparison.Ordinal));
        Assert.True(start > 0 && end > start, logs.Text);
        Assert.Contains("[ERROR] Exception in worker process", lines[start - 1], StringComparison.Ordinal);
        Assert.All(lines.Skip(start - 1).Take(end - start + 2), l => Assert.StartsWith("Error ", l, StringComparison.Ordinal));
    }
}
