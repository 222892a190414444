using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// What <c>app NAME --dry-run</c> prints, run through <c>RunProdServerAsync</c> exactly as a user's Program.cs runs it, with
/// the content root in a temporary directory written as <c>{root}</c> so that snapshots are stable.
/// </summary>
internal static class DryRunOutput
{
    public static async Task<string> OfAsync(Action<ProdServerBuilder> configure, string process, params string[] keepUnset)
    {
        using var root = new TemporaryDirectory();
        string[] args = [process, "--dry-run"];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = root.Path });
        builder.Services.AddProdServer(configure);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var code = await builder.Build().RunProdServerAsync(args, output, error, timeout.Token);
            Assert.True(code == ExitCodes.Ok, $"--dry-run exited {code}: {error}");
        }
        finally
        {
            // RunProdServerAsync sets the process exit code, as a real Program.cs wants; the test host must not inherit it.
            Environment.ExitCode = 0;
        }

        // The machine's own environment may hold variables the backend scrubs (NO_COLOR, APP…); only those the test set count.
        var lines = output.ToString().Replace(root.Path, "{root}", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("# unset ", StringComparison.Ordinal) || keepUnset.Any(v => l.StartsWith($"# unset {v} ", StringComparison.Ordinal)));
        return string.Join('\n', lines);
    }
}
