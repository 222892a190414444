using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary><c>reload</c> as <c>supervisorctl update</c>: an edited appsettings.json restarts only what changed.</summary>
public sealed class ReloadSpecs(ControlledSample sample) : IClassFixture<ControlledSample>
{
    // Each test starts from the settings the host started with.
    private async Task BaselineAsync()
    {
        await File.WriteAllTextAsync(sample.AppSettings, sample.Settings());
        var (code, _, stderr) = await sample.ClientAsync("reload");
        Assert.True(code == 0, stderr + sample.Output);
        await sample.WaitForStatusAsync(s => s.Count == 2 && s.All(p => p.Ready), "both ready");
    }

    [Fact]
    public async Task Reload_after_editing_one_value_of_web_restarts_only_web()
    {
        await BaselineAsync();
        var before = await sample.StatusAsync();
        await File.WriteAllTextAsync(sample.AppSettings, sample.Settings(webThreads: 8));

        var (code, stdout, stderr) = await sample.ClientAsync("reload");

        Assert.True(code == 0, stderr + sample.Output);
        Assert.Contains("web: restarted (launch plan changed)", stdout);
        Assert.Contains("admin: unchanged", stdout);
        var after = await sample.StatusAsync();
        Assert.NotEqual(before[0].Pid, after[0].Pid);
        Assert.True(after[0].Ready);
        Assert.Contains("--threads=8", after[0].CommandLine);
        Assert.Equal(before[1].Pid, after[1].Pid);
    }

    [Fact]
    public async Task Reload_dry_run_says_what_would_change_and_changes_nothing()
    {
        await BaselineAsync();
        var before = await sample.StatusAsync();
        await File.WriteAllTextAsync(sample.AppSettings, sample.Settings(adminIdent: "renamed"));

        var (code, stdout, stderr) = await sample.ClientAsync("reload", "--dry-run");

        Assert.True(code == 0, stderr);
        Assert.Contains("admin: would restart (launch plan changed)", stdout);
        Assert.Contains("web: unchanged", stdout);
        Assert.Equal(before.Select(p => p.Pid), (await sample.StatusAsync()).Select(p => p.Pid));
    }

    [Fact]
    public async Task An_invalid_edit_is_refused_as_a_whole_and_nothing_restarts()
    {
        await BaselineAsync();
        var before = await sample.StatusAsync();
        // One good change (admin) and one bad value (web): neither is applied.
        await File.WriteAllTextAsync(sample.AppSettings, sample.Settings(webThreads: 0, adminIdent: "renamed"));

        var (code, _, stderr) = await sample.ClientAsync("reload");

        Assert.Equal(1, code);
        Assert.Contains("The new configuration is invalid; nothing was changed", stderr);
        Assert.Contains("Threads", stderr);
        var after = await sample.StatusAsync();
        Assert.Equal(before.Select(p => p.Pid), after.Select(p => p.Pid));
        Assert.All(after, p => Assert.True(p.Ready));
        Assert.DoesNotContain("renamed", after[1].CommandLine);
    }

    [Fact]
    public async Task A_reload_while_appsettings_json_is_half_edited_is_one_line_naming_the_place_and_nothing_changes()
    {
        await BaselineAsync();
        var before = await sample.StatusAsync();
        await File.WriteAllTextAsync(sample.AppSettings, "{\n  \"ProdServer\": { ,\n");
        try
        {
            // The host's reload (the one a SIGHUP runs too) reads the file; before, its failure was logged with the JSON
            // reader's whole stack trace. Asked through the socket: a SIGHUP's effect depends on whether whoever started
            // the test run ignores it (nohup), which the host inherits.
            var (code, _, stderr) = await sample.ClientAsync("reload", "--ProdServer:Control:Socket=" + sample.Socket);

            Assert.Equal(1, code);
            Assert.Contains("The new configuration is invalid; nothing was changed", stderr);
            Assert.Contains($"{sample.AppSettings}:2:", stderr);
            Assert.Contains("(the file is not valid JSON; nothing was changed)", stderr);
            Assert.DoesNotContain("   at ", sample.Output);
        }
        finally
        {
            await BaselineAsync();
        }

        Assert.Equal(before.Select(p => p.Pid), (await sample.StatusAsync()).Select(p => p.Pid));
    }

    [Fact]
    public async Task A_half_edited_appsettings_json_does_not_keep_status_from_the_running_host()
    {
        await BaselineAsync();
        await File.WriteAllTextAsync(sample.AppSettings, "{\n  \"ProdServer\": { ,\n");
        try
        {
            // Before, the client stopped at the file (exit 1) and never asked the host.
            var (code, stdout, stderr) = await sample.ClientAsync("status", "--ProdServer:Control:Socket=" + sample.Socket);

            Assert.True(code == 0, stderr);
            Assert.Contains("web", stdout);
            Assert.Contains($"{sample.AppSettings}:2:", stderr);
            Assert.Contains("the control socket is looked for without the configuration files", stderr);
        }
        finally
        {
            await BaselineAsync();
        }
    }

    [Fact]
    public async Task A_process_added_to_the_configuration_is_started_and_a_removed_one_is_stopped()
    {
        await BaselineAsync();
        var port = Loopback.FreePort();
        var extra = "," + $$"""
              "extra": {
                "Backend": "Waitress",
                "App": "mysite.wsgi:application",
                "WorkingDirectory": "{{Path.GetDirectoryName(QuickstartSampleSpecs.SampleDll)}}/app",
                "Environment": { "DJANGO_SETTINGS_MODULE": "mysite.settings" },
                "Args": { "Host": "127.0.0.1", "Port": {{port}} }
              }
            """;
        await File.WriteAllTextAsync(sample.AppSettings, sample.Settings(extra: extra));

        var (code, stdout, stderr) = await sample.ClientAsync("reload");

        Assert.True(code == 0, stderr + sample.Output);
        Assert.Contains("extra: started (new)", stdout);
        Assert.True(Loopback.IsListening(port));
        var status = await sample.StatusAsync();
        Assert.Equal(["web", "admin", "extra"], status.Select(p => p.Name));
        var extraPid = status[2].Pid!.Value;

        await File.WriteAllTextAsync(sample.AppSettings, sample.Settings());
        (code, stdout, stderr) = await sample.ClientAsync("reload");

        Assert.True(code == 0, stderr);
        Assert.Contains("extra: stopped (removed)", stdout);
        Assert.False(Loopback.IsRunning(extraPid));
        Assert.Equal(["web", "admin"], (await sample.StatusAsync()).Select(p => p.Name));
    }
}
