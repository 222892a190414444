using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The launcher's own host reads its configuration files at start and on reload, and does not watch them: the host's
/// watcher would walk the whole content root (a Django project's virtualenv included) for nothing the engine uses.
/// </summary>
public sealed class LauncherBuilderSettingsSpecs
{
    private static FileConfigurationSource[] FileSources(HostApplicationBuilder builder) =>
        [.. ((IConfigurationBuilder)builder.Configuration).Sources.OfType<FileConfigurationSource>()];

    [Fact]
    public void The_launchers_host_reads_appsettings_without_watching_them_and_a_reload_still_sees_an_edit()
    {
        using var contentRoot = new TemporaryDirectory();
        var file = Path.Combine(contentRoot.Path, "appsettings.json");
        File.WriteAllText(file, """{ "Site": "one" }""");

        var builder = Host.CreateApplicationBuilder(LauncherBuilderSettings.Create([], contentRoot.Path));

        Assert.Equal("one", builder.Configuration["Site"]);
        var sources = FileSources(builder);
        Assert.Contains(sources, s => s.Path == "appsettings.json");
        Assert.All(sources, s => Assert.False(s.ReloadOnChange, $"{s.Path} is watched"));

        // What `reload` (SIGHUP, the control socket) does: read every file again.
        File.WriteAllText(file, """{ "Site": "two" }""");
        ((IConfigurationRoot)builder.Configuration).Reload();
        Assert.Equal("two", builder.Configuration["Site"]);
    }

    [Fact]
    public void The_hosts_own_switch_on_the_command_line_turns_watching_back_on()
    {
        using var contentRoot = new TemporaryDirectory();

        var builder = Host.CreateApplicationBuilder(LauncherBuilderSettings.Create(["--hostBuilder:reloadConfigOnChange=true"], contentRoot.Path));

        Assert.Contains(FileSources(builder), s => s.Path == "appsettings.json" && s.ReloadOnChange);
    }

    [Fact]
    public void A_switch_that_is_not_true_or_false_is_one_escaped_line_and_exit_1_not_a_stack_trace()
    {
        using var contentRoot = new TemporaryDirectory();
        using var error = new StringWriter();
        try
        {
            var builder = ProdServerHost.TryCreateApplicationBuilder(
                LauncherBuilderSettings.Create(["--hostBuilder:reloadConfigOnChange=ma\u001b[31mybe'\nnext"], contentRoot.Path), error);

            Assert.Null(builder);
            Assert.Equal(ExitCodes.InvalidConfiguration, Environment.ExitCode);
            Assert.Equal(
                "hostBuilder:reloadConfigOnChange: 'ma\\x1b[31mybe'\\nnext' is not a valid System.Boolean (from the command line or a DOTNET_ variable; nothing was started)",
                Assert.Single(EntryPoint.Lines(error.ToString())));
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }
}
