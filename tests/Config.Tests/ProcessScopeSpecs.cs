using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A command validates what it acts on: one unfinished process neither fails <c>--list</c> nor the dry run or start of
/// another one; <c>--all</c> and <c>--check</c> still need every process valid; warnings are said once.
/// </summary>
public sealed class ProcessScopeSpecs : IDisposable
{
    private const string Python = "/nonexistent/prodserver-tests/python3";
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static void TwoProcesses(ProdServerBuilder o)
    {
        o.UseWaitress("mysite.wsgi:application", w => w with { Port = 8000 }).Python(Python);
        o.Process("worker").UseCeleryWorker("mysite", w => w with { Concurrency = 2 }).Python(Python);
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => "ProdServer:Processes:" + p.Key, p => (string?)p.Value);

    [Fact]
    public async Task List_states_each_process_valid_or_invalid_with_its_first_problem_and_exits_0()
    {
        var (code, output, error) = await EntryPoint.RunAsync(_root.Path, TwoProcesses, Settings(("worker:Args:Concurrency", "0")), "--list");

        Assert.True(code == ExitCodes.Ok, error);
        var lines = EntryPoint.Lines(output);
        Assert.Equal("web\tWaitress\tmysite.wsgi:application\tvalid", lines[0]);
        Assert.StartsWith("worker\tCeleryWorker\tmysite\tinvalid: Process 'worker': ", lines[1], StringComparison.Ordinal);
        Assert.Contains("(ProdServer:Processes:worker:Args:Concurrency)", lines[1], StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task List_shows_a_process_whose_backend_is_unknown_as_invalid_instead_of_failing()
    {
        var (code, output, _) = await EntryPoint.RunAsync(_root.Path, TwoProcesses, Settings(("beat:Backend", "CeleryBeet")), "--list");

        Assert.Equal(ExitCodes.Ok, code);
        var beat = Assert.Single(EntryPoint.Lines(output), l => l.StartsWith("beat\t", StringComparison.Ordinal));
        Assert.StartsWith("beat\t?\t\tinvalid: Process 'beat': Backend 'CeleryBeet' is unknown (ProdServer:Processes:beat:Backend)", beat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_of_a_valid_process_ignores_another_invalid_one_and_a_dry_run_of_the_invalid_one_fails()
    {
        var broken = Settings(("worker:Args:Concurrency", "0"));

        var (webCode, webOutput, webError) = await EntryPoint.RunAsync(_root.Path, TwoProcesses, broken, "web", "--dry-run");
        var (workerCode, _, workerError) = await EntryPoint.RunAsync(_root.Path, TwoProcesses, broken, "worker", "--dry-run");
        var (allCode, _, allError) = await EntryPoint.RunAsync(_root.Path, TwoProcesses, broken, "--all", "--dry-run");

        Assert.True(webCode == ExitCodes.Ok, webError);
        Assert.Contains("mysite.wsgi:application", webOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidConfiguration, workerCode);
        Assert.Contains("ProdServer:Processes:worker:Args:Concurrency", workerError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidConfiguration, allCode);
        Assert.Contains("ProdServer:Processes:worker:Args:Concurrency", allError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_validates_every_process_even_when_a_name_is_given()
    {
        var (code, _, error) = await EntryPoint.RunAsync(_root.Path, TwoProcesses, Settings(("worker:Args:Concurrency", "0")), "web", "--check");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("ProdServer:Processes:worker:Args:Concurrency", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_is_validated_with_the_processes_it_depends_on()
    {
        var settings = Settings(("worker:Args:Concurrency", "0"), ("web:DependsOn:0", "worker"));

        var (code, _, error) = await EntryPoint.RunAsync(_root.Path, TwoProcesses, settings, "web", "--dry-run");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("ProdServer:Processes:worker:Args:Concurrency", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_without_a_name_fails_when_the_process_written_first_could_not_be_bound_rather_than_start_the_next()
    {
        await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(_root.Path, "appsettings.json"), """
            { "ProdServer": { "Processes": {
                "zweb": { "Backend": "Gunicron", "App": "z.wsgi:application" },
                "api": { "Backend": "Waitress", "App": "a.wsgi:application", "Python": "/nonexistent/python3" }
            } } }
            """);

        var (code, output, error) = await EntryPoint.RunAsync(_root.Path, null, null, "--dry-run");
        var (apiCode, apiOutput, apiError) = await EntryPoint.RunAsync(_root.Path, null, null, "api", "--dry-run");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("Backend 'Gunicron' is unknown", error, StringComparison.Ordinal);
        Assert.DoesNotContain("a.wsgi:application", output, StringComparison.Ordinal);
        Assert.True(apiCode == ExitCodes.Ok, apiError);
        Assert.Contains("a.wsgi:application", apiOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Switching_the_backend_in_configuration_warns_once_naming_the_settings_code_gave_the_old_one()
    {
        var logs = new CapturedLogs();
        using var host = BuildHost(logs, new() { ["ProdServer:Processes:web:Backend"] = "Gunicorn" }, o => o
            .UseWaitress("mysite.wsgi:application", w => w with { Threads = 8, ChannelTimeout = 60 }).Python(Python));

        _ = host.Services.GetRequiredService<IOptions<ProdServerOptions>>().Value;
        _ = host.Services.GetRequiredService<IOptionsMonitor<ProdServerOptions>>().CurrentValue; // as ValidateOnStart reads it

        var warning = Assert.Single(logs.Lines, l => l.Contains("replaces Waitress", StringComparison.Ordinal));
        Assert.Contains("Backend Gunicorn (ProdServer:Processes:web:Backend)", warning, StringComparison.Ordinal);
        Assert.Contains("dropped: Threads, ChannelTimeout.", warning, StringComparison.Ordinal);
        Assert.Equal("Gunicorn", host.Services.GetRequiredService<IOptions<ProdServerOptions>>().Value.Find("web")!.Backend.Name);
    }

    [Fact]
    public void In_Development_a_switch_to_the_dev_server_is_a_note_that_the_settings_apply_elsewhere_not_a_warning()
    {
        // The template's pattern: the production server in code, Django's dev server in appsettings.Development.json.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Backend"] = "DjangoDevServer",
            ["ProdServer:Processes:web:App"] = "127.0.0.1:8000",
        }).Build();
        static void Configure(ProdServerBuilder o) => o.UseUvicorn("mysite.asgi:application", u => u with { Host = "127.0.0.1", Port = 8000, Workers = 2 });
        var logs = new CapturedLogs();
        using var host = BuildHost(logs, new() { ["ProdServer:Processes:web:Backend"] = "DjangoDevServer", ["ProdServer:Processes:web:App"] = "127.0.0.1:8000" },
            o => Configure(o), environment: "Development");

        _ = host.Services.GetRequiredService<IOptions<ProdServerOptions>>().Value;

        Assert.Empty(ProdServerPlan.Create(Configure, configuration, "Development").Warnings);
        Assert.Contains(ProdServerPlan.Create(Configure, configuration, "Staging").Warnings, w => w.Contains("dropped: Host, Port, Workers.", StringComparison.Ordinal));
        Assert.Contains("web: in Development, Backend DjangoDevServer (ProdServer:Processes:web:Backend) replaces Uvicorn; the Uvicorn settings (Host, Port, Workers) apply in the other environments.", logs.Lines);
    }

    [Fact]
    public void In_Development_the_production_servers_options_from_configuration_are_left_out_with_a_note_not_refused()
    {
        // The template after its import step: appsettings.json holds gunicorn and its Args, appsettings.Development.json
        // switches web to the dev server. Before, every Development start failed: "Bind is not an option of runserver".
        var settings = new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Backend"] = "DjangoDevServer",
            ["ProdServer:Processes:web:App"] = "127.0.0.1:8000",
            ["ProdServer:Processes:web:Args:Bind:0"] = "0.0.0.0:8000",
            ["ProdServer:Processes:web:Args:workers"] = "4",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        static void Configure(ProdServerBuilder o) => o.UseWaitress("mysite.wsgi:application");
        var logs = new CapturedLogs();
        using var host = BuildHost(logs, settings, o => Configure(o), environment: "Development");

        _ = host.Services.GetRequiredService<IOptionsMonitor<ProdServerOptions>>().CurrentValue; // validated: no failure
        Assert.Contains(
            "web: Backend DjangoDevServer has no Bind, workers (another server's options, under ProdServer:Processes:web:Args): left out in Development, where the Backend is DjangoDevServer; they apply in the other environments.",
            logs.Lines);
        Assert.Empty(ProdServerPlan.Create(Configure, configuration, "Development").Problems);

        // Anywhere else the same keys on the dev server are a mistake, said as before.
        Assert.Contains(ProdServerPlan.Create(Configure, configuration, "Staging").Problems, p =>
            p.Contains("Args:workers is not an option of runserver; it is a Gunicorn", StringComparison.Ordinal)
            && p.EndsWith("each server takes only its own options.", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_for_a_misspelled_process_that_is_not_run_are_warned_of_with_the_process_meant()
    {
        // ProdServer__Processes__wbe__Args__Threads=8 declared nothing (no Backend) and applied to nothing, in silence.
        var logs = new CapturedLogs();
        using var host = BuildHost(logs, new() { ["ProdServer:Processes:wbe:Args:Threads"] = "8" }, o => o
            .UseWaitress("mysite.wsgi:application", w => w with { Threads = 4 }).Python(Python));
        host.Services.GetRequiredService<ProdServerRunState>().Scope = ValidationScope.Of(["web"]);

        _ = host.Services.GetRequiredService<IOptionsMonitor<ProdServerOptions>>().CurrentValue; // web alone is valid

        Assert.Single(logs.Lines, l => l == "wbe: ProdServer:Processes:wbe declares no process and sets nothing that runs (did you mean 'web'?); --list shows what it lacks.");
    }

    [Fact]
    public void Configuration_that_keeps_the_backend_or_code_that_set_nothing_gives_no_switch_warning()
    {
        var logs = new CapturedLogs();
        using var same = BuildHost(logs, new() { ["ProdServer:Processes:web:Backend"] = "Waitress" }, o => o
            .UseWaitress("mysite.wsgi:application", w => w with { Threads = 8 }).Python(Python));
        using var bare = BuildHost(logs, new() { ["ProdServer:Processes:web:Backend"] = "Gunicorn" }, o => o
            .UseWaitress("mysite.wsgi:application").Python(Python));

        _ = same.Services.GetRequiredService<IOptions<ProdServerOptions>>().Value;
        _ = bare.Services.GetRequiredService<IOptions<ProdServerOptions>>().Value;

        Assert.DoesNotContain(logs.Lines, l => l.Contains("replaces", StringComparison.Ordinal));
    }

    [Fact]
    public void A_switch_warning_for_a_hostile_process_name_stays_one_line()
    {
        var logs = new CapturedLogs();
        using var host = BuildHost(logs, new() { ["ProdServer:Processes:web\nFAKE injected:Backend"] = "Gunicorn" }, o => o
            .Process("web\nFAKE injected").UseWaitress("mysite.wsgi:application", w => w with { Threads = 8 }).Python(Python));

        // The name itself is refused by validation; the warning logged while binding must still be one line.
        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptionsMonitor<ProdServerOptions>>().CurrentValue);

        var warning = Assert.Single(logs.Lines, l => l.Contains("replaces Waitress", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', warning);
        Assert.Contains("web\\nFAKE injected", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_warning_is_said_once_although_the_options_are_built_twice()
    {
        var logs = new CapturedLogs();
        using var host = BuildHost(logs, [], o => o.UseWaitress("mysite.wsgi:application", w => w with { Threads = 500 }).Python(Python));

        _ = host.Services.GetRequiredService<IOptions<ProdServerOptions>>().Value;
        _ = host.Services.GetRequiredService<IOptionsMonitor<ProdServerOptions>>().CurrentValue;

        Assert.Single(logs.Lines, l => l.StartsWith("PSC0006:", StringComparison.Ordinal));
    }

    // Staging by default: warnings, not errors.
    private IHost BuildHost(CapturedLogs logs, Dictionary<string, string?> settings, Action<ProdServerBuilder> configure, string environment = "Staging")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = _root.Path,
            EnvironmentName = environment,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddProdServer(configure);
        return builder.Build();
    }

    /// <summary>Every formatted log message, for asserting what was said and how often.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
