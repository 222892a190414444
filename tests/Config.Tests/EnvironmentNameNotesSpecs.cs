using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// An ASP.NET developer's habits for choosing the environment, which a console app's host does not follow: the settings
/// were silently not read, and the production server ran where the dev server was meant.
/// </summary>
public sealed class EnvironmentNameNotesSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();
    private readonly TemporaryDirectory _app = new();

    public void Dispose()
    {
        _root.Dispose();
        _app.Dispose();
    }

    private static Func<string, string?> Variables(Dictionary<string, string> variables) => name => variables.GetValueOrDefault(name);

    [Fact]
    public async Task A_settings_file_named_in_another_case_than_the_environment_is_warned_of_by_the_host()
    {
        // Linux (CI's, a server's) finds appsettings.Development.json by its exact name; IsDevelopment() ignores case.
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.development.json"), """{ "ProdServer": { "Processes": { "web": { "Backend": "DjangoDevServer", "App": "127.0.0.1:8000" } } } }""");
        var logs = new CapturingLogger();
        string[] args = ["--dry-run"];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = _root.Path, EnvironmentName = "Development" });
        builder.Logging.ClearProviders().AddProvider(new CapturingLoggerProvider(logs));
        builder.Services.AddProdServer(o => o.UseWaitress("mysite.wsgi:application").Python("/nonexistent/python3"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await builder.Build().RunProdServerAsync(args, output, error);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("# web (Waitress)", output.ToString(), StringComparison.Ordinal); // the file was not read...
        var warning = Assert.Single(logs.Lines, l => l.Text.Contains("is not read", StringComparison.Ordinal)); // ...and that is said
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            $"{Path.Combine(_root.Path, "appsettings.development.json")} is not read: the environment is 'Development' and the host reads appsettings.Development.json, "
            + "the name with the same case; rename the file, or set DOTNET_ENVIRONMENT to the name the file has.",
            warning.Text);
    }

    // ProdServerPlan's environment is the test's choice, its content root often the test's directory: its answer must be
    // the same on every machine, whatever ASPNETCORE_ENVIRONMENT or files lie around.
    [Fact]
    public void A_plan_says_nothing_of_how_a_host_would_be_launched()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.development.json"), "{}");

        var plan = ProdServerPlan.Create(o => o.UseWaitress("mysite.wsgi:application"), environmentName: "Development", contentRoot: _root.Path);

        Assert.DoesNotContain(plan.Warnings, w => w.Contains("is not read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_settings_file_with_the_environments_exact_name_is_no_note()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.Development.json"), "{}");

        Assert.Empty(EnvironmentNameNotes.For("Development", _root.Path, _app.Path, Variables([])));
    }

    [Fact]
    public void The_settings_files_of_the_program_directory_are_the_ones_looked_at_when_the_content_root_has_none()
    {
        File.WriteAllText(Path.Combine(_app.Path, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(_app.Path, "appsettings.staging.json"), "{}");

        var note = Assert.Single(EnvironmentNameNotes.For("Staging", _root.Path, _app.Path, Variables([])));
        Assert.StartsWith(Path.Combine(_app.Path, "appsettings.staging.json") + " is not read", note, StringComparison.Ordinal);
    }

    [Fact]
    public void ASPNETCORE_ENVIRONMENT_alone_is_warned_of_with_the_variable_to_set()
    {
        var note = Assert.Single(EnvironmentNameNotes.For("Production", _root.Path, _app.Path, Variables(new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" })));

        Assert.Equal(
            "ASPNETCORE_ENVIRONMENT=Development is not read by this app (a console app's host reads DOTNET_ENVIRONMENT or --environment), "
            + "so the environment is 'Production'; set DOTNET_ENVIRONMENT=Development instead.",
            note);
    }

    [Theory]
    [InlineData("Production", "Production", null)] // what a server sets for every .NET app on it: the same environment
    [InlineData("production", "Production", null)]
    [InlineData("Development", "Staging", "Staging")] // DOTNET_ENVIRONMENT beside it says what this app is meant to run as
    public void ASPNETCORE_ENVIRONMENT_that_agrees_or_is_overridden_is_no_note(string aspNet, string environment, string? dotnet)
    {
        var variables = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = aspNet };
        if (dotnet is not null)
        {
            variables["DOTNET_ENVIRONMENT"] = dotnet;
        }

        Assert.Empty(EnvironmentNameNotes.For(environment, _root.Path, _app.Path, Variables(variables)));
    }

    [Fact]
    public void A_hostile_ASPNETCORE_ENVIRONMENT_is_one_escaped_line()
    {
        var note = Assert.Single(EnvironmentNameNotes.For("Production", _root.Path, _app.Path, Variables(new() { ["ASPNETCORE_ENVIRONMENT"] = "Dev\n\u001b[31mforged" })));

        Assert.DoesNotContain('\n', note);
        Assert.DoesNotContain('\u001b', note);
    }
}
