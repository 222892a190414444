using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Moving a process between servers: in code it is one call (<c>UseGunicorn</c> → <c>UseWaitress</c>, and the compiler flags
/// options the new record lacks); in configuration it is the <c>Backend</c> key, and every option that does not carry over is
/// reported with the server it belongs to.
/// </summary>
public sealed class HttpServerMigrationSpecs
{
    [Fact]
    public void Switching_the_backend_in_configuration_names_the_options_that_do_not_carry_over()
    {
        var failures = Options.Failures(code: null, settings: new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Backend"] = "Waitress",
            ["ProdServer:Processes:web:App"] = "mysite.wsgi:application",
            ["ProdServer:Processes:web:Args:workers"] = "4",
            ["ProdServer:Processes:web:Args:graceful_timeout"] = "20",
            ["ProdServer:Processes:web:Args:threads"] = "8", // waitress has threads too: it carries over
        });

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Process 'web': ProdServer:Processes:web:Args:workers is not an option of waitress-serve; it is a Gunicorn, Uvicorn, Granian and Hypercorn option (--workers) that Waitress does not have", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Args:graceful_timeout is not an option of waitress-serve; it is a Gunicorn and Hypercorn option (--graceful-timeout) that Waitress does not have", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_no_backend_knows_keeps_the_plain_unknown_key_message()
    {
        var failure = Options.SingleFailure(code: null, settings: new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Backend"] = "Gunicorn",
            ["ProdServer:Processes:web:App"] = "mysite.wsgi:application",
            ["ProdServer:Processes:web:Args:wrokers"] = "4",
        });

        Assert.Equal(
            "Process 'web': ProdServer:Processes:web:Args:wrokers is not an option of gunicorn (did you mean 'Workers'?); see the GunicornArgs properties, or use ExtraArgs for a flag newer than this SDK.",
            failure);
    }

    [Fact]
    public void A_django_prodserver_gunicorn_args_dict_binds_as_it_is()
    {
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": { "web": { "Backend": "Gunicorn", "App": "mysite.wsgi:application",
              "Args": { "bind": "0.0.0.0:8000", "workers": "4", "limit-request-field_size": "16380", "proxy-protocol": "auto",
                        "worker_class": "gthread", "preload": "True", "no-control-socket": "true", "sendfile": "false" } } } } }
            """);

        var args = Assert.IsType<GunicornArgs>(options.Find("web")!.Args);
        Assert.Equal(["0.0.0.0:8000"], args.Bind);
        Assert.Equal(4, args.Workers);
        Assert.Equal(16380, args.LimitRequestFieldSize);
        Assert.Equal(GunicornProxyProtocol.Auto, args.ProxyProtocol);
        Assert.Equal("gthread", args.WorkerClass);
        Assert.True(args.Preload);
        Assert.True(args.NoControlSocket);
        Assert.False(args.Sendfile);
    }

    [Fact]
    public void One_value_of_a_list_is_one_entry_spaces_and_all_as_the_server_reads_one_flag()
    {
        // django-prodserver passes "raw_env": "GREETING=hello world" as one --env; splitting it made an entry "world".
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": {
              "web": { "Backend": "Gunicorn", "App": "mysite.wsgi:application",
                       "Args": { "raw_env": "GREETING=hello world", "reload-extra-file": "/srv/my site/settings.py" } },
              "asgi": { "Backend": "Uvicorn", "App": "mysite.asgi:application", "Args": { "header": "X-Frame-Options: DENY" } } } } }
            """);

        var gunicorn = Assert.IsType<GunicornArgs>(options.Find("web")!.Args);
        Assert.Equal(["GREETING=hello world"], gunicorn.Env);
        Assert.Equal(["/srv/my site/settings.py"], gunicorn.ReloadExtraFiles);
        Assert.Equal(["X-Frame-Options: DENY"], Assert.IsType<UvicornArgs>(options.Find("asgi")!.Args).Headers);
    }

    [Fact]
    public void A_list_is_split_where_its_server_splits_one_value()
    {
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": {
              "web": { "Backend": "Waitress", "App": "mysite.wsgi:application",
                       "Args": { "listen": "127.0.0.1:8000 [::1]:8000", "trusted-proxy": "127.0.0.1", "trusted-proxy-headers": "x-forwarded-for x-forwarded-proto" } },
              "worker": { "Backend": "CeleryWorker", "App": "proj", "Args": { "queues": "high, default", "include": "a.tasks,b.tasks" } },
              "rq": { "Backend": "RqWorker", "Args": { "Queues": "high default" } } } } }
            """);

        var waitress = Assert.IsType<WaitressArgs>(options.Find("web")!.Args);
        Assert.Equal(["127.0.0.1:8000", "[::1]:8000"], waitress.Listen); // waitress splits --listen on white space
        Assert.Equal([TrustedProxyHeader.XForwardedFor, TrustedProxyHeader.XForwardedProto], waitress.TrustedProxyHeaders);
        var celery = Assert.IsType<CeleryWorkerArgs>(options.Find("worker")!.Args);
        Assert.Equal(["high", "default"], celery.Queues); // celery splits on commas; each piece trimmed
        Assert.Equal(["a.tasks", "b.tasks"], celery.Include);
        Assert.Equal(["high", "default"], Assert.IsType<RqWorkerArgs>(options.Find("rq")!.Args).Queues); // positional words
    }

    [Fact]
    public void Two_binds_written_as_one_value_are_refused_with_how_to_write_them()
    {
        var failure = Options.SingleFailure(code: null, settings: new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Backend"] = "Gunicorn",
            ["ProdServer:Processes:web:App"] = "mysite.wsgi:application",
            ["ProdServer:Processes:web:Args:bind"] = "0.0.0.0:8000 [::]:8000",
        });

        Assert.Equal(
            "Process 'web': Bind entry '0.0.0.0:8000 [::]:8000' must be HOST, HOST:PORT, [IPv6]:PORT, unix:PATH or fd://N; several binds are one entry each (an array: [\"a\", \"b\"]). (ProdServer:Processes:web:Args:Bind:0)",
            failure);
    }

    [Theory]
    [InlineData("Gunicorn", "GunicornArgs")]
    [InlineData("Uvicorn", "UvicornArgs")]
    [InlineData("UvicornWsgi", "UvicornArgs")]
    [InlineData("Granian", "GranianArgs")]
    [InlineData("GranianWsgi", "GranianArgs")]
    public void Each_http_server_is_known_by_name_in_configuration_with_kebab_case_keys(string backend, string argsType)
    {
        var options = Options.FromJson($$"""
            { "ProdServer": { "Processes": { "web": { "Backend": "{{backend}}", "App": "mysite.wsgi:application",
              "Args": { "log-level": "debug", "workers": 2 } } } } }
            """);

        var process = options.Find("web")!;
        Assert.Equal(backend, process.Backend.Name);
        Assert.Equal(argsType, process.Args.GetType().Name);
        Assert.Contains("--workers=2", process.Backend.BuildArguments(process));
        Assert.Contains("--log-level=debug", process.Backend.BuildArguments(process));
    }
}
