using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProdServer.Config.Analyzers;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The build-time rules (PSC####) evaluated again at start on the bound options.</summary>
public sealed class ProductionRulesSpecs
{
    [Fact]
    public void A_warning_rule_is_logged_with_its_id_and_the_start_goes_on()
    {
        var run = Start(o => o.UseWaitress("mysite.wsgi:application", w => w with { Threads = 32 }));

        Assert.Null(run.Failure);
        var entry = Assert.Single(run.Logs, l => l.Level == LogLevel.Warning);
        Assert.StartsWith("PSC0006: Process 'web': 'Threads' is 32, above 16", entry.Message, StringComparison.Ordinal);
        Assert.Contains("(ProdServer:Processes:web:Args:Threads; https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/PSC0006.md)", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_see_values_that_come_from_configuration()
    {
        var run = Start(
            o => o.UseWaitress("mysite.wsgi:application"),
            settings: new() { ["ProdServer:Processes:web:Args:expose-tracebacks"] = "True" });

        Assert.Contains(run.Logs, l => l.Message.StartsWith("PSC0001: Process 'web': Process option 'ExposeTracebacks' is set to true", StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_level_rule_stops_the_start_in_Production()
    {
        var run = Start(
            o => o.UseWaitress("mysite.wsgi:application", w => w with { Threads = 32 }),
            settings: new() { ["ProdServer:Rules:PSC0006"] = "error" });

        Assert.NotNull(run.Failure);
        var failure = Assert.Single(run.Failure!.Failures);
        Assert.StartsWith("PSC0006: Process 'web': 'Threads' is 32", failure, StringComparison.Ordinal);
        Assert.EndsWith("To accept it, set ProdServer:Rules:PSC0006 to off.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_level_rule_is_only_logged_outside_Production()
    {
        var run = Start(
            o => o.UseWaitress("mysite.wsgi:application", w => w with { Threads = 32 }),
            settings: new() { ["ProdServer:Rules:PSC0006"] = "error" },
            environment: "Staging");

        Assert.Null(run.Failure);
        Assert.Contains(run.Logs, l => l.Level == LogLevel.Warning && l.Message.StartsWith("PSC0006:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_switched_off_in_configuration_is_not_reported_and_the_log_says_so()
    {
        var run = Start(
            o => o.UseWaitress("mysite.wsgi:application", w => w with { Threads = 32 }),
            settings: new() { ["ProdServer:Rules:PSC0006"] = "off" });

        Assert.Null(run.Failure);
        var entry = Assert.Single(run.Logs);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("Rule PSC0006 (Too many request threads) is switched off by ProdServer:Rules:PSC0006.", entry.Message);
    }

    [Fact]
    public void The_thread_limit_can_be_raised_in_configuration()
    {
        var run = Start(
            o => o.UseWaitress("mysite.wsgi:application", w => w with { Threads = 32 }),
            settings: new() { ["ProdServer:Rules:MaxThreads"] = "32" });

        Assert.Empty(run.Logs);
    }

    [Fact]
    public void Production_advice_is_not_given_in_Development()
    {
        var run = Start(o => o.UseWaitress("mysite.wsgi:application", w => w with { ExposeTracebacks = true, Threads = 64, Port = 80 }), environment: "Development");

        Assert.Null(run.Failure);
        Assert.Empty(run.Logs);
    }

    [Fact]
    public void Combined_settings_are_judged_on_their_final_values()
    {
        var run = Start(
            o => o.UseWaitress("mysite.wsgi:application", w => w with { ConnectionLimit = 2000 }),
            settings: new() { ["ProdServer:Processes:web:Args:Backlog"] = "512", ["ProdServer:Processes:web:Args:TrustedProxy"] = "127.0.0.1" });

        Assert.Equal(
            ["PSC0007", "PSC0011"],
            run.Logs.Select(l => l.Message[..7]).Order());
        Assert.Contains(run.Logs, l => l.Message.Contains("'ConnectionLimit' is 2000 but Backlog is 512", StringComparison.Ordinal));
    }

    [Fact]
    public void A_WSGI_server_pointed_at_the_asgi_module_is_reported()
    {
        var run = Start(o => o.UseWaitress("mysite.asgi:application"));

        var entry = Assert.Single(run.Logs);
        Assert.StartsWith("PSC0104: Process 'web': App 'mysite.asgi:application' points at Django's ASGI entry point, but Waitress serves WSGI apps; point it at the WSGI module (mysite.wsgi:application)", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_the_backend_validator_already_enforces_is_reported_once()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Infrastructure.Options.Resolve(
            o => o.UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Listen = ["127.0.0.1:8000"] })));

        var failure = Assert.Single(ex.Failures);
        Assert.DoesNotContain("PSC0004", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_is_a_known_ProdServer_section()
    {
        var run = Start(o => o.UseWaitress("mysite.wsgi:application"), settings: new() { ["ProdServer:Rules:PSC0001"] = "warning" });

        Assert.Null(run.Failure);
    }

    [Fact]
    public void Reload_switched_on_for_any_HTTP_server_is_logged_with_that_servers_id()
    {
        var run = Start(o =>
        {
            o.UseGunicorn("mysite.wsgi:application", g => g with { Reload = true });
            o.Process("asgi").UseUvicorn("mysite.asgi:application", u => u with { Reload = true });
            o.Process("granian").UseGranianWsgi("mysite.wsgi:application", g => g with { Reload = true });
        });

        Assert.Null(run.Failure);
        Assert.Equal(["PSC0201", "PSC0301", "PSC0401"], run.Logs.Select(l => l.Message[..7]).Order());
        Assert.All(run.Logs, l => Assert.Equal(LogLevel.Warning, l.Level));
        Assert.Contains(run.Logs, l => l.Message.StartsWith("PSC0301: Process 'asgi': 'Reload' is true: uvicorn watches the source files", StringComparison.Ordinal));
    }

    [Fact]
    public void A_debug_log_level_from_configuration_is_logged_for_the_server_and_for_Celery()
    {
        var run = Start(
            o =>
            {
                o.UseGunicorn("mysite.wsgi:application");
                o.Process("worker").UseCeleryWorker("proj");
                o.Process("beat").UseCeleryBeat("proj", b => b with { LogLevel = CeleryLogLevel.Info });
            },
            settings: new()
            {
                ["ProdServer:Processes:web:Args:log-level"] = "debug",
                ["ProdServer:Processes:worker:Args:LogLevel"] = "Debug",
            });

        Assert.Null(run.Failure);
        Assert.Equal(["PSC0203", "PSC0501"], run.Logs.Select(l => l.Message[..7]).Order());
        Assert.Contains(run.Logs, l => l.Message.StartsWith("PSC0501: Process 'worker': 'LogLevel' is DEBUG: celery logs every detail", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_and_debug_levels_are_not_reported_in_Development()
    {
        var run = Start(
            o => o.UseUvicorn("mysite.asgi:application", u => u with { Reload = true, LogLevel = UvicornLogLevel.Trace }),
            environment: "Development");

        Assert.Null(run.Failure);
        Assert.Empty(run.Logs);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Djangos_dev_server_outside_Development_is_logged_with_the_key_that_chose_it(string environment)
    {
        var run = Start(
            o => o.UseWaitress("mysite.wsgi:application"),
            settings: new() { ["ProdServer:Processes:web:Backend"] = "DjangoDevServer", ["ProdServer:Processes:web:App"] = "127.0.0.1:8000" },
            environment: environment);

        Assert.Null(run.Failure);
        var entry = Assert.Single(run.Logs, l => l.Message.StartsWith("PSC0113", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.StartsWith("PSC0113: Process 'web': Django's development server (manage.py runserver) is not for production", entry.Message, StringComparison.Ordinal);
        Assert.Contains("(ProdServer:Processes:web:Backend; https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/PSC0113.md)", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Djangos_dev_server_is_not_reported_in_Development()
    {
        var run = Start(o => o.UseDjangoDevServer("127.0.0.1:8000"), environment: "Development");

        Assert.Null(run.Failure);
        Assert.DoesNotContain(run.Logs, l => l.Message.StartsWith("PSC0113", StringComparison.Ordinal));
    }

    [Fact]
    public void Gunicorn_daemon_is_refused_once_by_its_validator_in_every_environment()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Infrastructure.Options.Resolve(
            o => o.UseGunicorn("mysite.wsgi:application", g => g with { Daemon = true })));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("Daemon cannot be on", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("PSC0202", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Uvicorn", "mysite.wsgi:application", "WSGI", "ASGI")]
    [InlineData("UvicornWsgi", "mysite.asgi:application", "ASGI", "WSGI")]
    [InlineData("Granian", "mysite.wsgi:application", "WSGI", "ASGI")]
    [InlineData("Gunicorn", "mysite.asgi:application", "ASGI", "WSGI")]
    public void An_HTTP_server_pointed_at_the_other_interfaces_module_is_reported(string backend, string app, string given, string served)
    {
        var run = Start(o => _ = backend switch
        {
            "Uvicorn" => o.UseUvicorn(app),
            "UvicornWsgi" => o.UseUvicornWsgi(app),
            "Granian" => o.UseGranian(app),
            _ => o.UseGunicorn(app),
        });

        var entry = Assert.Single(run.Logs);
        Assert.StartsWith($"PSC0104: Process 'web': App '{app}' points at Django's {given} entry point, but {backend} serves {served} apps", entry.Message, StringComparison.Ordinal);
    }

    // gunicorn calls the app as its worker class does: Django's "How to use Django with Uvicorn" runs
    // gunicorn myproject.asgi:application -k uvicorn_worker.UvicornWorker, which is no mismatch.
    [Theory]
    [InlineData("mysite.asgi:application", "uvicorn_worker.UvicornWorker")]
    [InlineData("mysite.asgi:application", "uvicorn.workers.UvicornWorker")]
    [InlineData("mysite.asgi:application", "asgi")]
    [InlineData("mysite.wsgi:application", "gthread")]
    public void Gunicorn_given_a_worker_for_its_apps_interface_is_not_reported(string app, string workerClass)
    {
        var run = Start(o => o.UseGunicorn(app, g => g with { WorkerClass = workerClass }));

        Assert.DoesNotContain(run.Logs, e => e.Message.StartsWith("PSC0104", StringComparison.Ordinal));
    }

    [Fact]
    public void Gunicorns_asgi_worker_pointed_at_the_WSGI_module_is_reported()
    {
        var run = Start(o => o.UseGunicorn("mysite.wsgi:application", g => g with { WorkerClass = "asgi" }));

        var entry = Assert.Single(run.Logs);
        Assert.StartsWith("PSC0104: Process 'web': App 'mysite.wsgi:application' points at Django's WSGI entry point, but Gunicorn serves ASGI apps", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_a_rule_reads_is_a_property_of_the_backends_args_record()
    {
        foreach (var known in RuleBackends.All)
        {
            var backend = ServerBackends.Find(known.Name);
            Assert.NotNull(backend);
            var args = backend!.CreateDefaultArgs();
            Assert.Equal(known.ArgsTypeName, args.GetType().FullName);
            var properties = args.Flags.Select(f => f.Property).ToHashSet();
            Assert.All(RuleRegistry.For(known).SelectMany(r => r.Reads(known)), s => Assert.Contains(s, properties));
        }

        // The backends whose records the rules read; a backend dropped from RuleBackends.All would go unchecked.
        Assert.Superset(
            new HashSet<string> { "Waitress", "Gunicorn", "Uvicorn", "UvicornWsgi", "Granian", "GranianWsgi", "CeleryWorker", "CeleryBeat" },
            RuleBackends.All.Select(b => b.Name).ToHashSet());
    }

    [Fact]
    public void The_settings_the_rules_see_are_what_the_server_is_given()
    {
        var args = new WaitressArgs
        {
            ExposeTracebacks = true,
            ClearUntrustedProxyHeaders = false,
            Threads = 8,
            Listen = ["127.0.0.1:80", "[::1]:8080"],
            TrustedProxyHeaders = [TrustedProxyHeader.XForwardedFor, TrustedProxyHeader.XForwardedProto],
            UnixSocketPerms = "0666",
        };

        var settings = ServerArgsSettings.Read(args);

        Assert.True(settings.GetBoolean("ExposeTracebacks"));
        Assert.False(settings.GetBoolean("clear-untrusted-proxy-headers"));
        Assert.Equal(8, settings.GetInteger("threads"));
        Assert.Equal(["127.0.0.1:80", "[::1]:8080"], settings.GetList("Listen"));
        Assert.True(settings.IsSet("TrustedProxyHeaders"));
        Assert.Equal("0666", settings.GetString("UnixSocketPerms"));
        Assert.False(settings.IsSet("Host"));
    }

    [Fact]
    public void A_graceful_timeout_longer_than_the_stop_timeout_is_reported_at_the_servers_key()
    {
        var run = Start(o => o.UseGunicorn("mysite.wsgi:application", g => g with { GracefulTimeout = 30 }).StopTimeout(TimeSpan.FromSeconds(20)));

        var entry = Assert.Single(run.Logs, l => l.Message.StartsWith("PSC0105", StringComparison.Ordinal));
        Assert.StartsWith("PSC0105: Process 'web': GracefulTimeout is 30 s, but StopTimeout is 20 s, so ProdServer kills the server before its own graceful stop ends", entry.Message, StringComparison.Ordinal);
        Assert.Contains("(ProdServer:Processes:web:Args:GracefulTimeout;", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_timeout_longer_than_the_hosts_shutdown_timeout_is_reported_at_StopTimeout()
    {
        var run = Start(o => o.UseWaitress("mysite.wsgi:application").StopTimeout(TimeSpan.FromSeconds(45)));

        var entry = Assert.Single(run.Logs, l => l.Message.StartsWith("PSC0105", StringComparison.Ordinal));
        Assert.StartsWith("PSC0105: Process 'web': StopTimeout is 45 s, but the host's ShutdownTimeout is 30 s, so the host ends the run", entry.Message, StringComparison.Ordinal);
        Assert.Contains("(ProdServer:Processes:web:StopTimeout;", entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(25)]
    public void Timeouts_that_nest_or_the_servers_own_default_are_not_reported(int? stopSeconds)
    {
        var run = Start(o =>
        {
            var web = o.UseGunicorn("mysite.wsgi:application", g => g with { GracefulTimeout = 20 });
            if (stopSeconds is { } seconds)
            {
                web.StopTimeout(TimeSpan.FromSeconds(seconds));
            }
        });

        Assert.DoesNotContain(run.Logs, l => l.Message.StartsWith("PSC0105", StringComparison.Ordinal));
    }

    [Fact]
    public void A_password_in_a_celery_url_from_code_or_a_settings_file_is_logged_by_name_without_the_password()
    {
        var run = Start(
            o =>
            {
                o.Process("worker").UseCeleryWorker("proj", w => w with { Broker = "redis://:s3cr3t@redis.internal:6379/0" });
                o.Process("beat").UseCeleryBeat("proj", b => b with { Broker = "redis://redis.internal:6379/0" });
            },
            settings: new() { ["ProdServer:Processes:worker:Args:result-backend"] = "redis://app:hunter2@redis.internal/1" });

        Assert.Null(run.Failure);
        Assert.Equal(["PSC0503: Process 'worker': 'Broker'", "PSC0503: Process 'worker': 'ResultBackend'"],
            run.Logs.Select(l => l.Message.Split(" holds")[0]).Order());
        Assert.All(run.Logs, l => Assert.DoesNotContain("s3cr3t", l.Message, StringComparison.Ordinal));
        Assert.All(run.Logs, l => Assert.DoesNotContain("hunter2", l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_celery_url_with_a_password_from_an_environment_variable_is_where_the_rule_wants_it()
    {
        var prefix = "PSC_TEST_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "ProdServer__Processes__worker__Args__Broker", "redis://:s3cr3t@redis.internal/0");
        try
        {
            var run = Start(o => o.Process("worker").UseCeleryWorker("proj"), more: c => c.AddEnvironmentVariables(prefix));

            Assert.Null(run.Failure);
            Assert.DoesNotContain(run.Logs, l => l.Message.StartsWith("PSC0503", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ProdServer__Processes__worker__Args__Broker", null);
        }
    }

    [Fact]
    public void Flower_in_debug_mode_is_reported_in_Production_but_not_in_Development()
    {
        static void Flower(ProdServerBuilder o) => o.Process("flower").UseCeleryFlower("proj", f => f with { Address = "127.0.0.1", Debug = true });

        var production = Start(Flower);
        var development = Start(Flower, environment: "Development");
        var off = Start(o => o.Process("flower").UseCeleryFlower("proj", f => f with { Address = "127.0.0.1", Debug = false }));

        Assert.Null(production.Failure);
        var log = Assert.Single(production.Logs);
        Assert.StartsWith("PSC0505: Process 'flower': 'Debug' is true: Flower runs tornado in debug mode", log.Message, StringComparison.Ordinal);
        Assert.Empty(development.Logs);
        Assert.Empty(off.Logs);
    }

    [Fact]
    public void Flower_without_authentication_is_refused_once_by_its_validator_not_again_as_PSC0504()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Infrastructure.Options.Resolve(
            o => o.Process("flower").UseCeleryFlower("proj", f => f with { Address = "0.0.0.0" })));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("without authentication", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("PSC0504", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Flower_from_configuration_with_debug_is_reported_with_the_key()
    {
        var run = Start(o => { }, settings: new()
        {
            ["ProdServer:Processes:flower:Backend"] = "CeleryFlower",
            ["ProdServer:Processes:flower:App"] = "proj",
            ["ProdServer:Processes:flower:Args:address"] = "127.0.0.1",
            ["ProdServer:Processes:flower:Args:debug"] = "True",
        });

        Assert.Null(run.Failure);
        Assert.Contains(run.Logs, l => l.Message.StartsWith("PSC0505: Process 'flower': 'Debug'", StringComparison.Ordinal));
    }

    private static Run Start(
        Action<ProdServerBuilder> code, Dictionary<string, string?>? settings = null, string environment = "Production", Action<IConfigurationBuilder>? more = null)
    {
        var logs = new ConcurrentQueue<(LogLevel Level, string Message)>();
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []);
        more?.Invoke(configuration);
        services.AddSingleton<IConfiguration>(configuration.Build());
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddLogging(b => b.AddProvider(new CapturingProvider(logs)).SetMinimumLevel(LogLevel.Trace));
        services.AddProdServer(code);
        using var provider = services.BuildServiceProvider();
        OptionsValidationException? failure = null;
        try
        {
            _ = provider.GetRequiredService<IOptions<ProdServerOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            failure = ex;
        }

        return new Run(failure, logs.ToList());
    }

    private sealed record Run(OptionsValidationException? Failure, List<(LogLevel Level, string Message)> Logs);

    private sealed class CapturingProvider(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (category == "ProdServer.Rules")
                {
                    logs.Enqueue((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
