using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// What a project's own logging writes keeps its level through the engine, whichever stream it goes to: the logging
/// cookbook's format on stderr (its INFO was a warning), one JSON object per line on stdout (its ERROR was information).
/// </summary>
public sealed class ProjectLogLevelSpecs
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_projects_own_log_lines_keep_the_level_its_logging_wrote()
    {
        var (host, logs) = ServingHost.Build(o => o
            .UseWaitress("project_logging:app", w => w with { Host = "127.0.0.1", Port = Loopback.FreePort() })
            .WorkingDirectory("apps")
            .Python(Python.Debian));

        using var stop = new CancellationTokenSource(Budget * 2);
        var run = host.RunProdServerAsync(["web"], TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            await TestHost.WaitForLogAsync(logs, "json info on stdout", Budget, run);
            Assert.Equal(LogLevel.Information, logs.LevelOf("cookbook info on stderr"));
            Assert.Equal(LogLevel.Error, logs.LevelOf("cookbook error on stderr"));
            Assert.Equal(LogLevel.Error, logs.LevelOf("json error on stdout"));
            Assert.Equal(LogLevel.Information, logs.LevelOf("json info on stdout"));
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await run.WaitAsync(Budget));
    }
}
