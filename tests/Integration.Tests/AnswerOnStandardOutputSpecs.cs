using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// What a command answers on standard output is only its answer: the log (here a configuration warning, which the console
/// logger writes to standard output by default) goes to standard error, so that <c>--dry-run --json</c> parses and
/// <c>--list</c> is its table. Run as a user runs the sample: its own process.
/// </summary>
public sealed class AnswerOnStandardOutputSpecs
{
    private static async Task<(int Code, string[] Output, string Error)> RunSampleAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(QuickstartSampleSpecs.SampleDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Switching the sample's web from Waitress (in code) to Gunicorn drops Waitress's settings: a warning in the log.
        info.Environment["ProdServer__Processes__web__Backend"] = "Gunicorn";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        using var sample = Process.Start(info)!;
        var output = sample.StandardOutput.ReadToEndAsync();
        var error = sample.StandardError.ReadToEndAsync();
        await sample.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (sample.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries), await error);
    }

    [Fact]
    public async Task Dry_run_json_writes_only_json_lines_and_the_warning_goes_to_standard_error()
    {
        var (code, output, error) = await RunSampleAsync("web", "--dry-run", "--json");

        Assert.True(code == 0, error);
        var web = JsonDocument.Parse(Assert.Single(output)).RootElement;
        Assert.Equal("Gunicorn", web.GetProperty("backend").GetString());
        Assert.Contains("replaces Waitress, so the Waitress settings given before are dropped", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_writes_only_its_table_and_the_warning_goes_to_standard_error()
    {
        var (code, output, error) = await RunSampleAsync("--list");

        Assert.True(code == 0, error);
        Assert.All(output, line => Assert.Equal(4, line.Split('\t').Length));
        Assert.StartsWith("web\tGunicorn\t", output[0], StringComparison.Ordinal);
        Assert.Contains("replaces Waitress", error, StringComparison.Ordinal);
    }
}
