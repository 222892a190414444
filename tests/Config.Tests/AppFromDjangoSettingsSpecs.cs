using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A web process without App in a Django project: --check reads WSGI_APPLICATION/ASGI_APPLICATION (Python, once) and names
/// the app to set; start-up keeps requiring App and points to --check without running Python.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AppFromDjangoSettingsSpecs : IDisposable
{
    private static readonly string Site = Path.Combine(Repository.Root, "tests", "Config.Tests", "Fixtures", "prodserver_site");

    private readonly IDisposable _environment = DryRunner.WithoutVariables(["DJANGO_SETTINGS_MODULE"]);

    public void Dispose() => _environment.Dispose();

    private static Dictionary<string, string?> WithoutApp(string backend) => new()
    {
        ["ProdServer:Processes:web:Backend"] = backend,
        ["ProdServer:Processes:web:Args:Port"] = "8000",
    };

    [Theory]
    [InlineData("Waitress", "WSGI_APPLICATION in prodsite.settings is 'prodsite.wsgi.application', so the app to use is \"App\": \"prodsite.wsgi:application\"")]
    [InlineData("Gunicorn", "WSGI_APPLICATION in prodsite.settings is 'prodsite.wsgi.application'")]
    [InlineData("Uvicorn", "ASGI_APPLICATION in prodsite.settings is 'prodsite.asgi.application', so the app to use is \"App\": \"prodsite.asgi:application\"")]
    [InlineData("GranianWsgi", "WSGI_APPLICATION in prodsite.settings is 'prodsite.wsgi.application'")]
    [InlineData("Daphne", "ASGI_APPLICATION in prodsite.settings is 'prodsite.asgi.application'")]
    [InlineData("HypercornWsgi", "WSGI_APPLICATION in prodsite.settings is 'prodsite.wsgi.application'")]
    public async Task Check_in_a_Django_project_names_the_app_from_the_settings_and_still_fails(string backend, string expected)
    {
        var (code, _, error) = await EntryPoint.RunAsync(Site, null, WithoutApp(backend), "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("Process 'web': App is not set; " + expected, error, StringComparison.Ordinal);
    }

    // The import notes which variables the settings read; --check needs none of them, so their values (secrets among them)
    // stay in the Python process.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_settings_reads_of_the_environment_are_recorded_only_when_asked(bool record)
    {
        using var project = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(project.Path, "envsite"));
        File.WriteAllText(Path.Combine(project.Path, "envsite", "__init__.py"), string.Empty);
        File.WriteAllText(Path.Combine(project.Path, "envsite", "settings.py"), "import os\nSECRET_KEY = os.environ.get('PSC_TEST_SECRET_KEY', 'x')\nWSGI_APPLICATION = 'envsite.wsgi.application'\n");

        var snapshot = await DjangoSettingsReader.ReadAsync(DjangoProject.Find(project.Path, "envsite.settings"), "/usr/bin/python3", record, default);

        Assert.Equal("envsite.wsgi.application", snapshot.Application("WSGI_APPLICATION"));
        Assert.Equal(record ? ["PSC_TEST_SECRET_KEY"] : [], snapshot.EnvironmentReads.Select(r => r.Key));
    }

    [Fact]
    public async Task Start_up_requires_App_and_points_to_check_without_reading_the_settings()
    {
        var (code, _, error) = await EntryPoint.RunAsync(Site, null, WithoutApp("Waitress"), "web");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("App is required", error, StringComparison.Ordinal);
        Assert.Contains("--check reads WSGI_APPLICATION and names the app to set", error, StringComparison.Ordinal);
        Assert.DoesNotContain("prodsite.wsgi", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_outside_a_Django_project_says_nothing_about_settings()
    {
        using var empty = new TemporaryDirectory();

        var (code, _, error) = await EntryPoint.RunAsync(empty.Path, null, WithoutApp("Waitress"), "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("App is required", error, StringComparison.Ordinal);
        Assert.DoesNotContain("App is not set", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_without_App_is_not_given_a_web_app()
    {
        var settings = new Dictionary<string, string?> { ["ProdServer:Processes:worker:Backend"] = "CeleryWorker" };

        var (code, _, error) = await EntryPoint.RunAsync(Site, null, settings, "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.DoesNotContain("App is not set", error, StringComparison.Ordinal);
    }
}
