using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>ARGS dicts as django-prodserver users write them: comma lists, <c>no-x</c> keys, and values of the wrong shape.</summary>
public sealed class DjangoProdserverArgsSpecs
{
    private static ProdServerOptions Bind(string backend, string app, params (string Key, string Value)[] args)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ProdServer:Processes:p1:Backend"] = backend,
            ["ProdServer:Processes:p1:App"] = app,
        };
        foreach (var (key, value) in args)
        {
            settings["ProdServer:Processes:p1:Args:" + key] = value;
        }

        return Options.Resolve(null, settings);
    }

    private static IReadOnlyList<string> Failures(params (string Key, string? Value)[] settings) =>
        Options.Failures(null, settings.ToDictionary(s => s.Key, s => s.Value));

    [Fact]
    public void Celery_queues_written_comma_separated_bind_as_a_list()
    {
        var args = Assert.IsType<CeleryWorkerArgs>(Bind("CeleryWorker", "proj", ("queues", "high,normal, low")).Find("p1")!.Args);

        Assert.Equal(["high", "normal", "low"], args.Queues);
    }

    [Fact]
    public void Db_worker_queue_names_written_comma_separated_bind_as_a_list()
    {
        var args = Assert.IsType<DjangoTasksArgs>(Bind("DjangoTasks", string.Empty, ("queue-name", "default,emails")).Find("p1")!.Args);

        Assert.Equal(["default", "emails"], args.QueueName);
    }

    [Fact]
    public void Gunicorn_http_protocols_written_comma_separated_bind_as_a_list()
    {
        var args = Assert.IsType<GunicornArgs>(Bind("Gunicorn", "a.wsgi", ("http-protocols", "h2,h1")).Find("p1")!.Args);

        Assert.Equal([GunicornHttpProtocol.Http2, GunicornHttpProtocol.Http1], args.HttpProtocols);
    }

    [Fact]
    public void A_list_the_server_splits_on_white_space_keeps_commas_inside_a_value()
    {
        // waitress splits --listen on white space only, so a comma is part of the value and must reach it unchanged.
        var bound = BindOrFailures(new Dictionary<string, string?>
        {
            ["ProdServer:Processes:p1:Backend"] = "Waitress", ["ProdServer:Processes:p1:Args:listen"] = "127.0.0.1:8000,x",
        });
        var args = Assert.IsType<WaitressArgs>(bound.Options.Find("p1")!.Args);

        Assert.Equal(["127.0.0.1:8000,x"], args.Listen);
    }

    [Theory]
    [InlineData("no-access-log")]
    [InlineData("no_access_log")]
    [InlineData("NoAccessLog")]
    public void Uvicorn_no_access_log_true_turns_the_access_log_off(string key)
    {
        var args = Assert.IsType<UvicornArgs>(Bind("Uvicorn", "a.asgi:app", (key, "true")).Find("p1")!.Args);

        Assert.False(args.AccessLog);
    }

    [Fact]
    public void Uvicorn_no_access_log_false_leaves_the_access_log_on()
    {
        var args = Assert.IsType<UvicornArgs>(Bind("Uvicorn", "a.asgi:app", ("no-access-log", "False")).Find("p1")!.Args);

        Assert.True(args.AccessLog);
    }

    [Fact]
    public void Waitress_no_ipv6_true_turns_ipv6_off()
    {
        var args = Assert.IsType<WaitressArgs>(Bind("Waitress", "a:app", ("no-ipv6", "True")).Find("p1")!.Args);

        Assert.False(args.Ipv6);
    }

    [Fact]
    public void Gunicorn_no_sendfile_true_turns_sendfile_off()
    {
        var args = Assert.IsType<GunicornArgs>(Bind("Gunicorn", "a.wsgi", ("no-sendfile", "true")).Find("p1")!.Args);

        Assert.False(args.Sendfile);
    }

    [Fact]
    public void Every_negatable_flag_of_every_server_accepts_its_no_key_in_kebab_and_snake_case()
    {
        foreach (var name in ServerBackends.Names)
        {
            var backend = ServerBackends.Find(name)!;
            foreach (var flag in backend.CreateDefaultArgs().Flags.Where(f => f.Kind == FlagKind.Boolean && !f.Name.StartsWith("no-", StringComparison.Ordinal)))
            {
                foreach (var key in new[] { "no-" + flag.Name, "no_" + flag.Name.Replace('-', '_') })
                {
                    var settings = new Dictionary<string, string?>
                    {
                        ["ProdServer:Processes:p1:Backend"] = name,
                        ["ProdServer:Processes:p1:App"] = "a:b",
                        ["ProdServer:Processes:p1:Args:" + key] = "true",
                    };
                    var bound = BindOrFailures(settings);
                    if (IsNegatable(backend, flag))
                    {
                        var args = bound.Options.Find("p1")!.Args;
                        var value = args.GetType().GetProperty(flag.Property)!.GetValue(args);
                        Assert.True(Equals(value, false), $"{name} {key}: {string.Join(" | ", bound.Failures)}");
                    }
                    else
                    {
                        // A server without --no-x: the key stays unknown, as the server would reject it.
                        Assert.Contains(bound.Failures, f => f.Contains(key, StringComparison.Ordinal));
                    }
                }
            }
        }
    }

    [Fact]
    public void A_flag_and_its_no_key_together_are_an_error()
    {
        var failure = Assert.Single(Failures(
            ("ProdServer:Processes:p1:Backend", "Uvicorn"), ("ProdServer:Processes:p1:App", "a:app"),
            ("ProdServer:Processes:p1:Args:access-log", "true"), ("ProdServer:Processes:p1:Args:no-access-log", "true")));

        Assert.Contains("'access-log' and 'no-access-log' both set AccessLog", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Processes_given_as_a_string_is_an_error_naming_the_key()
    {
        var failures = Failures(("ProdServer:Processes", "invalid"));

        Assert.Contains(failures, f => f.StartsWith("ProdServer:Processes is the value 'invalid', but must be an object", StringComparison.Ordinal));
    }

    [Fact]
    public void A_process_given_as_a_string_is_an_error_naming_the_process()
    {
        var failures = Failures(("ProdServer:Processes:web", "Waitress"));

        Assert.Contains(failures, f => f.StartsWith("Process 'web': ProdServer:Processes:web is the value 'Waitress'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_object_where_one_value_belongs_is_an_error_naming_the_key()
    {
        var failures = Failures(
            ("ProdServer:Processes:p1:Backend", "Waitress"), ("ProdServer:Processes:p1:App:module", "a"),
            ("ProdServer:Processes:p1:Args:port:value", "8000"), ("ProdServer:Processes:p1:Args:host:0:x", "y"));

        Assert.Contains(failures, f => f.Contains("ProdServer:Processes:p1:App must be one value", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ProdServer:Processes:p1:Args:port must be one value", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ProdServer:Processes:p1:Args:host must be one value", StringComparison.Ordinal));
    }

    [Fact]
    public void An_object_inside_a_list_is_an_error_naming_its_key()
    {
        var failures = Failures(
            ("ProdServer:Processes:p1:Backend", "Waitress"), ("ProdServer:Processes:p1:App", "a:app"),
            ("ProdServer:Processes:p1:Args:listen:0:host", "127.0.0.1"), ("ProdServer:Processes:p1:DependsOn:0:name", "x"));

        Assert.Contains(failures, f => f.Contains("ProdServer:Processes:p1:Args:listen:0 must be one value", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ProdServer:Processes:p1:DependsOn must be one value or an array", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ProdServer:Release", "migrate")]
    [InlineData("ProdServer:Rules", "off")]
    [InlineData("ProdServer:Processes:p1:Environment", "A=1")]
    [InlineData("ProdServer:Processes:p1:Readiness", "/health")]
    [InlineData("ProdServer:Processes:p1:Resources", "1")]
    public void Every_section_given_as_one_value_is_an_error_naming_the_key(string key, string value)
    {
        var failures = Failures(("ProdServer:Processes:p1:Backend", "Waitress"), ("ProdServer:Processes:p1:App", "a:app"), (key, value));

        Assert.Contains(failures, f => f.Contains($"{key} is the value '{value}', but must be an object", StringComparison.Ordinal));
    }

    private static bool IsNegatable(ServerBackend backend, FlagInfo flag)
    {
        // The style is not in FlagInfo: ask the record how it writes false.
        var args = backend.CreateDefaultArgs();
        var property = args.GetType().GetProperty(flag.Property)!;
        var copy = args.GetType().GetMethod("<Clone>$")!.Invoke(args, null)!;
        property.SetValue(copy, false);
        var argv = new List<string>();
        ((IServerArgs)copy).AppendArguments(argv);
        return argv.Contains("--no-" + flag.Name);
    }

    // The binder alone: the other start-up rules (a broker for celery, …) are not what these tests are about.
    private static (ProdServerOptions Options, IReadOnlyList<string> Failures) BindOrFailures(Dictionary<string, string?> settings)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new ProdServerOptions();
        ProdServerConfigurationBinder.Bind(configuration.GetSection("ProdServer"), options);
        return (options, options.BindingErrors);
    }
}
