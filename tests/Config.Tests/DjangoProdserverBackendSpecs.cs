using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>django-prodserver's <c>BACKEND</c> class paths and upper-case keys, pasted from Django settings.</summary>
public sealed class DjangoProdserverBackendSpecs
{
    [Theory]
    [InlineData("django_prodserver.backends.gunicorn.GunicornServer", "Gunicorn")]
    [InlineData("django_prodserver.backends.servers.gunicorn.GunicornServer", "Gunicorn")]
    [InlineData("django_prodserver.backends.waitress.WaitressServer", "Waitress")]
    [InlineData("django_prodserver.backends.uvicorn.UvicornServer", "Uvicorn")]
    [InlineData("django_prodserver.backends.uvicorn.UvicornWSGIServer", "UvicornWsgi")]
    [InlineData("django_prodserver.backends.granian.GranianASGIServer", "Granian")]
    [InlineData("django_prodserver.backends.servers.granian.GranianWSGIServer", "GranianWsgi")]
    [InlineData("django_prodserver.backends.celery.CeleryWorker", "CeleryWorker")]
    [InlineData("django_prodserver.backends.workers.celery.CeleryBeat", "CeleryBeat")]
    [InlineData("django_prodserver.backends.django_tasks.DjangoTasksWorker", "DjangoTasks")]
    [InlineData("django_prodserver.backends.workers.django_q2.DjangoQ2Worker", "DjangoQ")]
    [InlineData("django_prodserver.backends.django_runserver.DjangoRunserver", "DjangoDevServer")]
    [InlineData("django_prodserver.backends.dev.django_runserver.DjangoRunserver", "DjangoDevServer")]
    public void A_django_prodserver_class_path_selects_the_backend_and_says_its_short_name(string classPath, string shortName)
    {
        var options = Bind(new() { ["ProdServer:Processes:p1:BACKEND"] = classPath, ["ProdServer:Processes:p1:APP"] = "proj" });

        Assert.Empty(options.BindingErrors);
        Assert.Equal(shortName, options.Find("p1")!.Backend.Name);
        var note = Assert.Single(options.BindingNotes);
        Assert.Contains($"is django-prodserver's class for Backend '{shortName}' here", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_django_prodserver_backend_with_no_counterpart_is_an_error_naming_it()
    {
        var options = Bind(new() { ["ProdServer:Processes:p1:BACKEND"] = "django_prodserver.backends.servers.daphne.DaphneServer" });

        var error = Assert.Single(options.BindingErrors);
        Assert.Contains("is a django-prodserver backend with no counterpart here (ProdServer:Processes:p1:Backend)", error, StringComparison.Ordinal);
    }

    // django-prodserver 3.x's development servers around daphne and werkzeug: a Daphne backend exists here, so the error
    // says which backend to write and how its addrport translates, rather than only listing the backends.
    [Theory]
    [InlineData("django_prodserver.backends.dev.daphne.DaphneRunserver", "write Backend \"Daphne\", its addrport as Bind and Port")]
    [InlineData("django_prodserver.backends.daphne.DaphneRunserver", "\"127.0.0.1:8000\" is \"Bind\": \"127.0.0.1\", \"Port\": 8000")]
    [InlineData("django_prodserver.backends.dev.werkzeug.WerkzeugRunserver", "write Backend \"DjangoDevServer\" (Django's runserver) for development")]
    public void A_development_server_with_no_counterpart_says_what_to_write_instead(string classPath, string advice)
    {
        var options = Bind(new() { ["ProdServer:Processes:p1:BACKEND"] = classPath });

        var error = Assert.Single(options.BindingErrors);
        Assert.StartsWith($"Process 'p1': Backend '{classPath}' has no counterpart here (ProdServer:Processes:p1:Backend): ", error, StringComparison.Ordinal);
        Assert.Contains(advice, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Upper_case_BACKEND_APP_and_ARGS_bind_like_Backend_App_and_Args()
    {
        var options = Bind(new()
        {
            ["ProdServer:Processes:web:BACKEND"] = "django_prodserver.backends.waitress.WaitressServer",
            ["ProdServer:Processes:web:APP"] = "mysite.wsgi:application",
            ["ProdServer:Processes:web:ARGS:port"] = "8000",
        });

        Assert.Empty(options.BindingErrors);
        Assert.Equal("mysite.wsgi:application", options.Find("web")!.App);
        Assert.Equal(8000, options.Waitress().Port);
    }

    [Fact]
    public void A_whole_django_settings_dict_in_json_binds()
    {
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": {
                "web": { "BACKEND": "django_prodserver.backends.gunicorn.GunicornServer", "APP": "mysite.wsgi", "ARGS": { "bind": "127.0.0.1:8111", "workers": "2" } },
                "worker": { "BACKEND": "django_prodserver.backends.celery.CeleryWorker", "APP": "mysite.celery.app", "ARGS": { "queues": "high,low", "concurrency": "2" } }
            } } }
            """);

        var web = Assert.IsType<GunicornArgs>(options.Find("web")!.Args);
        Assert.Equal(["127.0.0.1:8111"], web.Bind);
        Assert.Equal(2, web.Workers);
        var worker = Assert.IsType<CeleryWorkerArgs>(options.Find("worker")!.Args);
        Assert.Equal(["high", "low"], worker.Queues);
    }

    private static ProdServerOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new ProdServerOptions();
        ProdServerConfigurationBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("ProdServer"), options);
        return options;
    }
}
