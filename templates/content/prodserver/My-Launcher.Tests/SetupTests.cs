using Microsoft.Extensions.Configuration;
using ProdServer.Config;
using Xunit;

namespace My_Launcher.Tests;

/// <summary>What the app would start, computed by <see cref="ProdServerPlan"/> from Startup.Configure and the app's appsettings files; no Python needed.</summary>
public sealed class SetupTests
{
    private static ProdServerPlan Plan(string environment, Dictionary<string, string?>? overrides = null) =>
        ProdServerPlan.Create(Startup.Configure, new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json")
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddInMemoryCollection(overrides ?? [])
            .Build(), environment);

    [Fact]
    public void Production_runs_the_production_server_on_port_8000()
    {
        var web = Plan("Production").Process("web");

//#if (backend == "waitress")
        Assert.Equal("Waitress", web.Backend); // waitress-serve, or the Python you set running waitress (README, step 2)
        Assert.Contains("--port=8000", web.Arguments);
        Assert.Equal("mysite.wsgi:application", web.Arguments[^1]);
//#elif (backend == "gunicorn")
        Assert.Equal("Gunicorn", web.Backend); // gunicorn, or the Python you set running it (README, step 2)
        Assert.Contains("--bind=127.0.0.1:8000", web.Arguments);
        Assert.Equal("mysite.wsgi:application", web.Arguments[^1]);
//#elif (backend == "uvicorn")
        Assert.Equal("Uvicorn", web.Backend);
        Assert.Equal(["-m", "uvicorn", "mysite.asgi:application"], web.Arguments.Take(3)); // uvicorn takes its app first
        Assert.Contains("--port=8000", web.Arguments);
//#else
        Assert.Equal("Granian", web.Backend); // granian, or the Python you set running it (README, step 2)
        Assert.Contains("--port=8000", web.Arguments);
        Assert.Equal("mysite.asgi:application", web.Arguments[^1]);
//#endif
        Assert.Equal("mysite.settings", web.Environment["DJANGO_SETTINGS_MODULE"]);
    }

    [Fact]
    public void Development_runs_the_Django_dev_server_with_reload()
    {
        var web = Plan("Development").Process("web");

        Assert.Contains("runserver", web.Arguments);
        Assert.DoesNotContain("--noreload", web.Arguments);
        Assert.Equal("127.0.0.1:8000", web.Arguments[^1]);
    }

    [Fact]
    public void A_bad_value_fails_naming_the_process_and_the_key()
    {
//#if (backend == "gunicorn")
        const string key = "ProdServer:Processes:web:Args:Workers";
//#else
        const string key = "ProdServer:Processes:web:Args:Port";
//#endif
        var plan = Plan("Production", new() { [key] = "eighty" });

        Assert.False(plan.IsValid);
        Assert.Contains(plan.Problems, p => p.Contains("Process 'web'") && p.Contains(key));
    }
//#if (celery)

    [Fact]
    public void The_celery_worker_runs_the_projects_app()
    {
        var worker = Plan("Production").Process("worker");

        Assert.Contains("--app=mysite", worker.Arguments);
        Assert.Contains("worker", worker.Arguments);
    }
//#endif
}
