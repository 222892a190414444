using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>ConfigurationSchema.json</c>, the schema editors use for appsettings*.json, checked with a real JSON-schema validator
/// (JsonSchema.Net, draft-07) against the files users write, and against the binder: what the schema accepts binds, and
/// the mistakes it refuses fail at start-up too.
/// </summary>
/// <remarks>
/// Regenerate the checked-in file after changing an args record, a backend or the binder's keys:
/// <c>scripts/update-configuration-schema.sh</c> (it runs <see cref="The_checked_in_schema_is_what_the_records_and_the_binder_give"/>
/// with <c>PRODSERVER_UPDATE_SCHEMA=1</c>).
/// </remarks>
public sealed class ConfigurationSchemaSpecs
{
    private const string UpdateVariable = "PRODSERVER_UPDATE_SCHEMA";

    private static readonly string SchemaPath = Path.Combine(Repository.Root, "src", "Config", "ConfigurationSchema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(ConfigurationSchema.Build()));

    [Fact]
    public void The_checked_in_schema_is_what_the_records_and_the_binder_give()
    {
        var built = ConfigurationSchema.Build();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(SchemaPath, built, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        Assert.True(
            File.Exists(SchemaPath) && File.ReadAllText(SchemaPath) == built,
            $"{SchemaPath} is not what the args records and the binder give now; run scripts/update-configuration-schema.sh and commit the file.");
    }

    [Fact]
    public void The_schema_stays_under_the_size_editors_accept_for_a_segment()
    {
        // The VS Code JsonSchemaSegment support refuses segments over 1 MiB as untrusted input.
        Assert.InRange(Encoding.UTF8.GetByteCount(ConfigurationSchema.Build()), 1, 1024 * 1024 - 1);
    }

    [Theory]
    [InlineData("samples/Quickstart/appsettings.json")]
    [InlineData("templates/content/prodserver/My-Launcher/appsettings.json")]
    [InlineData("templates/content/prodserver/My-Launcher/appsettings.Development.json")]
    public void The_samples_and_the_templates_appsettings_are_valid(string file)
    {
        var errors = Errors(File.ReadAllText(Path.Combine(Repository.Root, file)));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{ "Backend": "Waitress", "App": "mysite.wsgi:application", "WorkingDirectory": "src", "Python": "/usr/bin/python3", "Args": { "Host": "127.0.0.1", "Port": 8000, "Threads": 4, "ExposeTracebacks": false }, "Readiness": { "Path": "/healthz", "Timeout": 5 }, "Environment": { "DJANGO_DEBUG": false } }""")]
    [InlineData("""{ "Backend": "Waitress", "App": "mysite.wsgi:application", "Args": { "channel-timeout": "60", "expose-tracebacks": "True", "no-ipv6": true, "threads": " 8 " } }""")]
    [InlineData("""{ "BACKEND": "Gunicorn", "APP": "mysite.wsgi:application", "ARGS": { "workers": 4, "preload_app": true, "bind": ["127.0.0.1:8000"], "worker_class": "gthread" } }""")]
    [InlineData("""{ "Backend": "GranianWsgi", "App": "mysite.wsgi:application", "Args": { "interface": "wsgi", "address": "127.0.0.1", "Port": 8000, "threads": 2 } }""")]
    [InlineData("""{ "Backend": "CeleryWorker", "App": "proj", "Args": { "Concurrency": 4, "Queues": "high,low", "LogLevel": "info" }, "Restart": "always", "StopTimeout": "00:00:30" }""")]
    [InlineData("""{ "Backend": "RqWorker", "Args": { "Queues": ["high", "default"], "with-scheduler": "True" } }""")]
    [InlineData("""{ "Backend": "RqWorker", "Args": { "queues": "high default" } }""")]
    public void A_process_written_as_the_docs_and_django_prodserver_users_write_it_is_valid_and_binds(string process)
    {
        var json = Process(process);

        Assert.Empty(Errors(json));
        Assert.Empty(Bind(json).Problems);
    }

    [Theory]
    [InlineData("""{ "Backend": "Gunicron", "App": "a:b" }""", "/ProdServer/Processes/web/Backend", "Backend 'Gunicron' is unknown")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Args": { "Thread": 4 } }""", "/ProdServer/Processes/web/Args/Thread", "Thread is not an option of waitress-serve")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Args": { "Workers": 4 } }""", "/ProdServer/Processes/web/Args/Workers", "Workers is not an option of waitress-serve")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Args": { "Threads": "eight" } }""", "/ProdServer/Processes/web/Args/Threads", "'eight' is not a whole number")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Args": { "Threads": 0 } }""", "/ProdServer/Processes/web/Args/Threads", "Threads must be at least 1, got 0")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Args": { "port": 70000 } }""", "/ProdServer/Processes/web/Args/port", "Port must be between 1 and 65535, got 70000")]
    [InlineData("""{ "Backend": "Gunicorn", "App": "a:b", "Args": { "Workers": 0 } }""", "/ProdServer/Processes/web/Args/Workers", "Workers must be at least 1, got 0")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Args": { "ExposeTracebacks": "maybe" } }""", "/ProdServer/Processes/web/Args/ExposeTracebacks", "'maybe' is not true or false")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Bakend": "Waitress" }""", "/ProdServer/Processes/web/Bakend", "Bakend is not a process setting")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Restart": "sometimes" }""", "/ProdServer/Processes/web/Restart", "Restart 'sometimes'")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Replicas": 0 }""", "/ProdServer/Processes/web/Replicas", "Replicas '0'")]
    // Start-up's limits (SupervisionLimits), which the schema only had as minimums: an editor accepted what start-up refuses.
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Replicas": 5000 }""", "/ProdServer/Processes/web/Replicas", "Replicas must be between 1 and 1000, got 5000")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "StartRetries": 1001 }""", "/ProdServer/Processes/web/StartRetries", "StartRetries must be between 0 and 1000, got 1001")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Readiness": { "Status": 700 } }""", "/ProdServer/Processes/web/Readiness/Status", "Readiness:Status must be an HTTP status code (100-599), got 700")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "RestartDelay": 90000 }""", "/ProdServer/Processes/web/RestartDelay", "RestartDelay must be between 0 and 1 day")]
    [InlineData("""{ "Backend": "Waitress", "App": "a:b", "Readiness": { "Timeout": 86401 } }""", "/ProdServer/Processes/web/Readiness/Timeout", "Readiness:Timeout must be positive and at most 1 day")]
    [InlineData("""{ "Backend": "RqWorker", "Args": { "Queues": ["default", "--burst"] } }""", "/ProdServer/Processes/web/Args/Queues/1", "Queues entry '--burst' must be an RQ_QUEUES name")]
    [InlineData("""{ "Backend": "RqWorker", "Args": { "Queues": ["default", "a\nb"] } }""", "/ProdServer/Processes/web/Args/Queues/1", "Queues entry 'a\\nb' must be an RQ_QUEUES name")]
    public void A_mistake_is_refused_by_the_schema_at_its_key_and_by_the_binder_at_start_up(string process, string location, string startUpProblem)
    {
        var json = Process(process);

        var errors = Errors(json);
        var problems = Bind(json).Problems;

        Assert.True(errors.Contains(location), $"The schema reports {string.Join(", ", errors)}; expected {location}.");
        Assert.True(problems.Any(p => p.Contains(startUpProblem, StringComparison.Ordinal)), "Start-up says: " + string.Join(" | ", problems));
    }

    [Theory]
    [InlineData("""{ "ProdServer": { "Processes": [ { "Backend": "Waitress" } ] } }""", "/ProdServer/Processes")]
    [InlineData("""{ "ProdServer": { "Proceses": { } } }""", "/ProdServer/Proceses")]
    [InlineData("""{ "ProdServer": { "Logs": { "Overflow": "Sometimes" } } }""", "/ProdServer/Logs/Overflow")]
    [InlineData("""{ "ProdServer": { "Release": [ { "Command": ["manage.py", "migrate"] } ] } }""", "/ProdServer/Release/0")]
    [InlineData("""{ "ProdServer": { "Processes": { "export": { "Backend": "Waitress" } } } }""", "/ProdServer/Processes/export")]
    [InlineData("""{ "ProdServer": { "Rules": { "PSC0006": "loud" } } }""", "/ProdServer/Rules/PSC0006")]
    public void A_section_of_the_wrong_shape_is_refused_at_its_key(string json, string location)
    {
        var errors = Errors(json);

        Assert.True(errors.Contains(location), $"The schema reports {string.Join(", ", errors)}; expected {location}.");
    }

    // Every spelling of a named choice the binder reads (SettingRules), the schema accepts too: an editor must not
    // underline "keepothers" or "on-failure", which start fine.
    [Theory]
    [InlineData("""{ "ProdServer": { "OnGiveUp": "keepothers", "Logs": { "Overflow": " DROP " }, "Processes": { "web": { "Backend": "Waitress", "App": "a:b", "Restart": "on-failure" } } } }""")]
    [InlineData("""{ "ProdServer": { "OnGiveUp": "Stop-All", "Logs": { "Overflow": "block" }, "Processes": { "web": { "Backend": "Waitress", "App": "a:b", "Restart": "ALWAYS" } } } }""")]
    [InlineData("""{ "ProdServer": { "OnGiveUp": "KeepOthers", "Logs": { "Overflow": "Drop" }, "Processes": { "web": { "Backend": "Waitress", "App": "a:b", "Restart": "OnFailure" } } } }""")]
    public void Each_spelling_of_a_choice_the_binder_reads_is_valid_in_the_schema(string json)
    {
        Assert.Empty(Errors(json));
        Assert.Empty(Bind(json).Problems);
    }

    [Theory]
    [InlineData("""{ "ProdServer": { "OnGiveUp": "1" } }""", "/ProdServer/OnGiveUp")]
    [InlineData("""{ "ProdServer": { "OnGiveUp": "KeepAll" } }""", "/ProdServer/OnGiveUp")]
    [InlineData("""{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "App": "a:b", "Restart": "Never,Always" } } } }""", "/ProdServer/Processes/web/Restart")]
    public void A_choice_the_binder_refuses_is_refused_by_the_schema(string json, string location)
    {
        Assert.Contains(location, Errors(json));
        Assert.NotEmpty(Bind(json).Problems);
    }

    [Fact]
    public void Backend_lists_every_backend_and_each_chooses_its_own_Args()
    {
        using var document = JsonDocument.Parse(ConfigurationSchema.Build());
        var process = document.RootElement.GetProperty("definitions").GetProperty("ProdServer.Process");

        Assert.Equal(ServerBackends.Names, process.GetProperty("properties").GetProperty("Backend").GetProperty("enum").EnumerateArray().Select(static e => e.GetString()!));
        foreach (var name in ServerBackends.Names)
        {
            Assert.True(document.RootElement.GetProperty("definitions").TryGetProperty("ProdServer.Args." + name, out _), name);
        }
    }

    [Fact]
    public void The_process_keys_are_the_ones_the_binder_reads()
    {
        using var document = JsonDocument.Parse(ConfigurationSchema.Build());
        var process = document.RootElement.GetProperty("definitions").GetProperty("ProdServer.Process").GetProperty("properties");

        Assert.Equal(Sorted(ProdServerConfigurationBinder.ProcessKeys), Sorted(Keys(process)));
        Assert.Equal(Sorted(SettingRules.ReadinessKeys), Sorted(Keys(process.GetProperty("Readiness").GetProperty("properties"))));
        Assert.Equal(Sorted(SettingRules.ResourceKeys), Sorted(Keys(process.GetProperty("Resources").GetProperty("properties"))));
        var section = document.RootElement.GetProperty("properties").GetProperty("ProdServer").GetProperty("properties");
        Assert.Equal(Sorted(SettingRules.LogKeys), Sorted(Keys(section.GetProperty("Logs").GetProperty("properties"))));
        Assert.Equal(Sorted(SettingRules.ControlKeys), Sorted(Keys(section.GetProperty("Control").GetProperty("properties"))));
    }

    [Fact]
    public void Every_Args_key_the_schema_lists_for_a_backend_binds_for_that_backend()
    {
        using var document = JsonDocument.Parse(ConfigurationSchema.Build());
        foreach (var name in ServerBackends.Names)
        {
            var args = document.RootElement.GetProperty("definitions").GetProperty("ProdServer.Args." + name).GetProperty("properties");
            foreach (var key in args.EnumerateObject())
            {
                var settings = new Dictionary<string, string?>
                {
                    ["ProdServer:Processes:p:Backend"] = name,
                    ["ProdServer:Processes:p:App"] = "a:b",
                    ["ProdServer:Processes:p:Args:" + key.Name] = SampleValue(key.Value),
                };
                var plan = ProdServerPlan.Create(null, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

                Assert.DoesNotContain(plan.Problems, p => p.Contains("is not an option", StringComparison.Ordinal) || p.Contains("both set", StringComparison.Ordinal));
            }
        }
    }

    private static string Process(string process) => $$"""{ "ProdServer": { "Processes": { "web": {{process}} } } }""";

    /// <summary>The instance locations (JSON pointers) the validator reports errors at; empty when the document is valid.</summary>
    private static string[] Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? []).Where(static d => d.Errors is { Count: > 0 }).Select(static d => d.InstanceLocation.ToString()).Distinct()];
    }

    private static ProdServerPlan Bind(string json) =>
        ProdServerPlan.Create(null, new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build());

    // A value of the key's JSON type that the binder parses; only whether the key is known matters here.
    private static string SampleValue(JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            return values[0].GetString()!;
        }

        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(static t => t.GetString()).ToArray() : [type.GetString()]
            : [];
        return types.Contains("boolean") ? "true"
            : types.Contains("integer") || types.Contains("number") ? (schema.TryGetProperty("minimum", out var low) ? low.GetRawText() : "1")
            : "x";
    }

    private static IEnumerable<string> Keys(JsonElement properties) => properties.EnumerateObject().Select(static p => p.Name);

    // Case-insensitively, as configuration keys are compared: BACKEND and Backend are one key.
    private static string[] Sorted(IEnumerable<string> keys) =>
        [.. keys.Select(static k => k.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)];
}
