using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>--environment</c> (and any host configuration) takes effect wherever it stands on the command line. Reproduced:
/// <c>web --dry-run --environment Development</c> ran in Production, since the host's command-line provider took
/// <c>--environment</c> as the value of <c>--dry-run</c>; the Development settings file was never read.
/// </summary>
public sealed class HostEnvironmentArgumentSpecs
{
    [Theory]
    [InlineData("web", "--dry-run", "--environment", "Development")]
    [InlineData("--check", "--environment=Development")]
    [InlineData("--environment", "Development", "web", "--dry-run")]
    [InlineData("--list", "--ProdServer:Processes:web:Args:Threads=8", "--environment", "Development")]
    public void The_builder_gets_the_environment_asked_for_wherever_it_stands(params string[] args)
    {
        var builder = ProdServerHost.TryCreateApplicationBuilder(args, TextWriter.Null);

        Assert.NotNull(builder);
        Assert.Equal("Development", builder.Environment.EnvironmentName);
    }

    [Fact]
    public void The_host_is_given_only_its_configuration_as_key_value_words()
    {
        Assert.Equal(
            ["--environment=Staging", "--ProdServer:Processes:web:Args:Threads=8"],
            HostArguments.ForHost(["web", "--dry-run", "--environment", "Staging", "--env-file", "/srv/.env", "--ProdServer:Processes:web:Args:Threads=8", "--", "--reload"]));
    }

    [Fact]
    public async Task A_content_root_the_callers_host_misread_is_a_usage_error_too()
    {
        var root = Path.Combine(Path.GetTempPath(), "prodserver-root-" + Guid.NewGuid().ToString("N"));
        string[] args = ["--list", "--contentRoot", root];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args }); // "list" = "--contentRoot"
        builder.Services.AddProdServer(o => o.UseWaitress("mysite.wsgi:application"));
        using var error = new StringWriter();

        var code = await builder.Build().RunProdServerAsync(args, TextWriter.Null, error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith($"--contentRoot {root}: the host was created in ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_built_by_the_caller_in_another_environment_than_asked_for_is_a_usage_error_not_a_run()
    {
        string[] args = ["--check", "--environment", "Development"];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args }); // misreads it: Production
        builder.Services.AddProdServer(o => o.UseWaitress("mysite.wsgi:application"));
        using var error = new StringWriter();

        var code = await builder.Build().RunProdServerAsync(args, TextWriter.Null, error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("--environment Development: the host was created in Production, because its builder read the command line as its own; "
            + "create it with ProdServerHost.TryCreateApplicationBuilder(args), or put --environment first.\n", error.ToString().Replace("\r\n", "\n"));
    }
}
