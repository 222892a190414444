using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.AppSettingsShapeAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// Shape mistakes in appsettings*.json at the key's line and column (PSC0106–PSC0110, PSC0114–PSC0116, PSC0118), with the backends and their keys
/// learnt from the library's symbols. The stand-in below has the library's shape: <c>ServerBackends</c> properties typed
/// <c>ServerBackend&lt;TArgs&gt;</c>, args records with <c>[Flag]</c>, <c>[ExtraArgs]</c> and <c>[ArgAlias]</c>. The real
/// assembly is checked the same way by <c>dotnet build</c> of a project with a misspelled appsettings.json (see
/// docs/diagnostics/PSC0106.md).
/// </summary>
public sealed class AppSettingsShapeAnalyzerTests
{
    private const string StandIn = """
        #nullable enable
        namespace ProdServer.Config
        {
            public enum BooleanStyle { Unspecified, Negatable, Switch, NegativeSwitch, Value }
            public sealed class FlagAttribute(string name) : System.Attribute
            {
                public string Name { get; } = name;
                public BooleanStyle Boolean { get; set; }
                public double Minimum { get; set; } = double.NaN;
                public double Maximum { get; set; } = double.NaN;
            }
            public sealed class ExtraArgsAttribute : System.Attribute { }
            public sealed class PositionalArgsAttribute : System.Attribute { }
            public sealed class ServerArgsAttribute(string command) : System.Attribute { public string Command { get; } = command; }
            public sealed class ServerValueAttribute(string value) : System.Attribute { public string Value { get; } = value; }
            [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
            public sealed class ArgAliasAttribute(string alias, string flag) : System.Attribute { public string Alias { get; } = alias; public string Flag { get; } = flag; }

            public abstract class ServerBackend { }
            public abstract class ServerBackend<TArgs> : ServerBackend { }
            public sealed class WaitressBackend : ServerBackend<WaitressArgs> { }
            public sealed class GunicornBackend : ServerBackend<GunicornArgs> { }
            public sealed class RqWorkerBackend : ServerBackend<RqWorkerArgs> { }

            public static class ServerBackends
            {
                public static WaitressBackend Waitress { get; } = new();
                public static GunicornBackend Gunicorn { get; } = new();
                public static RqWorkerBackend RqWorker { get; } = new();
            }

            public enum LogLevel { Debug, [ServerValue("INFO")] Info }

            [ServerArgs("waitress-serve")]
            public sealed record WaitressArgs
            {
                [Flag("port", Minimum = 1, Maximum = 65535)] public int? Port { get; init; }
                [Flag("threads", Minimum = 1)] public int? Threads { get; init; }
                [Flag("ipv6", Boolean = BooleanStyle.Negatable)] public bool? Ipv6 { get; init; }
                [Flag("channel-timeout")] public int? ChannelTimeout { get; init; }
                [ExtraArgs] public System.Collections.Generic.IReadOnlyList<string>? ExtraArgs { get; init; }
            }

            [ServerArgs("gunicorn")]
            [ArgAlias("preload_app", "preload")]
            public sealed record GunicornArgs
            {
                [Flag("workers", Minimum = 1)] public int? Workers { get; init; }
                [Flag("preload", Boolean = BooleanStyle.Switch)] public bool? Preload { get; init; }
                [Flag("log-level")] public LogLevel? LogLevel { get; init; }
                [Flag("timeout")] public double? Timeout { get; init; }
            }

            public sealed class ProdServerBuilder { public ProcessBuilder Process(string name) => new(); }
            public sealed class ProcessBuilder { }
            public static class GeneratedBuilderExtensions
            {
                public static ProcessBuilder UseWaitress(this ProcessBuilder process, string app) => process;
                public static ProcessBuilder UseGunicorn(this ProcessBuilder process, string app) => process;
                public static ProcessBuilder UseGunicorn(this ProdServerBuilder builder, string app) => new();
                public static ProcessBuilder UseRqWorker(this ProcessBuilder process, string app) => process;
            }

            [ServerArgs("rqworker")]
            public sealed record RqWorkerArgs
            {
                [PositionalArgs] public System.Collections.Generic.IReadOnlyList<string>? Queues { get; init; }
                [Flag("burst", Boolean = BooleanStyle.Switch)] public bool? Burst { get; init; }
            }
        }
        """;

    private static Task VerifyAsync(string json, bool withLibrary, params DiagnosticResult[] expected) =>
        VerifyAsync("class Program { }", [("appsettings.json", json)], withLibrary, expected);

    private static Task VerifyAsync(string code, (string File, string Json)[] files, bool withLibrary, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = code, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        if (withLibrary)
        {
            test.TestState.Sources.Add(("/0/ProdServer.Config.cs", StandIn));
        }

        foreach (var (file, json) in files)
        {
            test.TestState.AdditionalFiles.Add(("/app/" + file, json));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult At(DiagnosticDescriptor descriptor, int line, int column, int endLine, int endColumn, params object[] arguments) =>
        At(descriptor, "appsettings.json", line, column, endLine, endColumn, arguments);

    private static DiagnosticResult At(DiagnosticDescriptor descriptor, string file, int line, int column, int endLine, int endColumn, params object[] arguments) =>
        new DiagnosticResult(descriptor).WithSpan("/app/" + file, line, column, endLine, endColumn).WithArguments(arguments);

    // The template's and the sample's way: the backend in code (Startup.cs), a value changed per deployment in the file.
    private const string DeclaredInCode = """
        using ProdServer.Config;

        static class Startup
        {
            public static void Configure(ProdServerBuilder o)
            {
                o.UseGunicorn("mysite.wsgi:application");
                o.Process("queue").UseRqWorker("default");
                o.Process("either").UseGunicorn("mysite.wsgi:application");
                o.Process("either").UseWaitress("mysite.wsgi:application");
                var name = System.Environment.GetEnvironmentVariable("NAME") ?? "dyn";
                o.Process(name).UseGunicorn("mysite.wsgi:application");
            }
        }
        """;

    [Fact]
    public Task A_section_without_a_backend_is_checked_as_the_backend_code_gives_its_process() => VerifyAsync(DeclaredInCode, [("appsettings.json", """
        { "ProdServer": { "Processes": {
          "web": { "Args": { "Workers": -3, "Timeout": "abc", "Threads": 4 } },
          "queue": { "Args": { "burst": "sometimes", "Queues": ["high"] } } } } }
        """)], withLibrary: true,
        At(AppSettingsShapeDescriptors.OutOfRange, 2, 33, 2, 35, "Workers must be at least 1, got -3", "web"),
        At(AppSettingsShapeDescriptors.WrongValueType, 2, 48, 2, 53, "Timeout", "web", "a number", "the string 'abc'"),
        At(AppSettingsShapeDescriptors.UnknownArgsKey, 2, 55, 2, 67, "Threads", "gunicorn", "Gunicorn", "; it is an option of Waitress"),
        At(AppSettingsShapeDescriptors.WrongValueType, 3, 33, 3, 44, "burst", "queue", "true or false", "the string 'sometimes'"));

    [Fact]
    public Task An_environments_file_is_checked_as_the_backend_its_appsettings_json_names() => VerifyAsync(DeclaredInCode, [
        ("appsettings.json", """{ "ProdServer": { "Processes": { "web": { "Backend": "Waitress" }, "typo": { "Backend": "Wairess" } } } }"""),
        ("appsettings.Production.json", """{ "ProdServer": { "Processes": { "web": { "Args": { "Threads": 0 } }, "typo": { "Args": { "Threads": 0 } } } } }""")],
        withLibrary: true,
        At(AppSettingsShapeDescriptors.UnknownBackend, 1, 89, 1, 98, "Wairess", "typo", " (did you mean 'Waitress'?)", Backends),
        At(AppSettingsShapeDescriptors.OutOfRange, "appsettings.Production.json", 1, 64, 1, 65, "Threads must be at least 1, got 0", "web"));

    [Fact]
    public Task A_backend_code_gives_two_ways_or_to_a_name_known_only_at_run_time_is_not_guessed() => VerifyAsync(DeclaredInCode, [("appsettings.json", """
        { "ProdServer": { "Processes": {
          "either": { "Args": { "Workers": -3 } },
          "dyn": { "Args": { "Workers": -3 } },
          "nowhere": { "Args": { "Workers": -3 } } } } }
        """)], withLibrary: true);

    private const string Backends = "Waitress, Gunicorn, RqWorker";

    private const string ProcessKeys = "Backend, App, WorkingDirectory, Python, Venv, PythonPath, ManagePy, EnvFile, Environment, StopTimeout, Args, Restart, StartSeconds, StartRetries, RestartDelay, RestartMaxDelay, Readiness, DependsOn, Replicas, Resources";

    [Fact]
    public Task A_misspelled_backend_is_reported_at_its_value_with_the_backend_meant() => VerifyAsync("""
        { "ProdServer": { "Processes": {
          "web": { "Backend": "Gunicron", "App": "a:b" },
          "other": { "Backend": "Tornado" }
        } } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.UnknownBackend, 2, 23, 2, 33, "Gunicron", "web", " (did you mean 'Gunicorn'?)", Backends),
        At(AppSettingsShapeDescriptors.UnknownBackend, 3, 25, 3, 34, "Tornado", "other", "", Backends));

    [Fact]
    public Task An_unknown_process_key_is_reported_at_the_key_with_the_key_meant() => VerifyAsync("""
        { "ProdServer": { "Processes": { "web": {
          "Backend": "Waitress",
          "Bakend": "Waitress",
          "Frobnicate": 1
        } } } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.UnknownProcessKey, 3, 3, 3, 23, "Bakend", "web", " (did you mean 'Backend'?)", ProcessKeys),
        At(AppSettingsShapeDescriptors.UnknownProcessKey, 4, 3, 4, 18, "Frobnicate", "web", "", ProcessKeys));

    [Fact]
    public Task An_Args_key_of_another_backend_names_the_backend_it_belongs_to_and_a_typo_the_key_meant() => VerifyAsync("""
        { "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": {
          "Workers": 4,
          "Thread": 8,
          "Zzz": true
        } } } } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.UnknownArgsKey, 2, 3, 2, 15, "Workers", "waitress-serve", "Waitress", "; it is an option of Gunicorn"),
        At(AppSettingsShapeDescriptors.UnknownArgsKey, 3, 3, 3, 14, "Thread", "waitress-serve", "Waitress", " (did you mean 'Threads'?)"),
        At(AppSettingsShapeDescriptors.UnknownArgsKey, 4, 3, 4, 14, "Zzz", "waitress-serve", "Waitress", ""));

    // A pasted PRODUCTION_PROCESSES entry names its backend by django-prodserver's class path, which the binder reads as
    // the backend here: its Args are checked as that backend's. A class with no counterpart is reported with what to write.
    [Fact]
    public Task A_django_prodserver_class_path_is_checked_as_its_backend() => VerifyAsync("""
        { "ProdServer": { "Processes": {
          "web": { "BACKEND": "django_prodserver.backends.waitress.WaitressServer", "ARGS": {
          "Thread": 8 } },
          "dev": { "BACKEND": "django_prodserver.backends.dev.daphne.DaphneRunserver", "ARGS": { "addrport": "8000" } } } } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.UnknownArgsKey, 3, 3, 3, 14, "Thread", "waitress-serve", "Waitress", " (did you mean 'Threads'?)"),
        At(AppSettingsShapeDescriptors.UnknownBackend, 4, 23, 4, 78, "django_prodserver.backends.dev.daphne.DaphneRunserver", "dev",
            ": it is Channels' development runserver around daphne (autoreload, static files); for daphne in production write Backend \"Daphne\", its addrport as Bind and Port (\"127.0.0.1:8000\" is \"Bind\": \"127.0.0.1\", \"Port\": 8000), and for development Backend \"DjangoDevServer\"",
            Backends));

    [Fact]
    public Task A_key_holding_a_line_break_is_reported_on_one_line_so_it_cannot_forge_build_output() => VerifyAsync("""
        { "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": {
          "Thr\nerror CS0000: forged": 8
        } } } } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.UnknownArgsKey, 2, 3, 2, 33, "Thr\\u000aerror CS0000: forged", "waitress-serve", "Waitress", ""));

    [Fact]
    public Task A_value_of_the_wrong_type_is_reported_at_the_value() => VerifyAsync("""
        { "ProdServer": { "Processes": { "web": { "Backend": "Gunicorn", "Args": {
          "Workers": "eight",
          "preload": "sometimes",
          "log-level": "loud",
          "Timeout": { "seconds": 3 }
        } } } } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.WrongValueType, 2, 14, 2, 21, "Workers", "web", "a whole number", "the string 'eight'"),
        At(AppSettingsShapeDescriptors.WrongValueType, 3, 14, 3, 25, "preload", "web", "true or false", "the string 'sometimes'"),
        At(AppSettingsShapeDescriptors.WrongValueType, 4, 16, 4, 22, "log-level", "web", "one of the server's values", "the string 'loud'"),
        At(AppSettingsShapeDescriptors.WrongValueType, 5, 14, 5, 30, "Timeout", "web", "one value", "an object"));

    [Fact]
    public Task A_number_outside_the_range_declared_on_its_flag_is_reported_in_the_start_up_checks_words() => VerifyAsync("""
        { "ProdServer": { "Processes": { "web": { "Backend": "Waitress", "Args": {
          "Threads": 0,
          "port": "70000"
        } } } } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.OutOfRange, 2, 14, 2, 15, "Threads must be at least 1, got 0", "web"),
        At(AppSettingsShapeDescriptors.OutOfRange, 3, 11, 3, 18, "Port must be between 1 and 65535, got 70000", "web"));

    [Fact]
    public Task Every_spelling_the_binder_accepts_is_quiet() => VerifyAsync("""
        { "ProdServer": { "Processes": {
          "web": { "BACKEND": "waitress", "app": "a:b", "Restart": "Always", "Args": {
            "threads": "8", "channel_timeout": "60", "channel-timeout": 60, "no-ipv6": "True", "NoIpv6": false, "ExtraArgs": ["--x=1"], "port": null
          } },
          "g": { "Backend": "Gunicorn", "Args": { "preload_app": "yes", "preload-app": true, "log-level": "info", "LogLevel": "Debug", "timeout": 2.5, "workers": 1 } },
          "legacy": { "Backend": "django_prodserver.backends.gunicorn.GunicornServer", "Args": { "workers": "2" } },
          "fromcode": { "Args": { "Threads": 4 } },
          "rq": { "Backend": "RqWorker", "Args": { "Queues": ["high", "default"], "burst": true } },
          "rqwords": { "Backend": "RqWorker", "Args": { "queues": "high default" } }
        } } }
        """, withLibrary: true);

    // The settings outside a process's keys and Args, as the binder reads them (SettingRules): every key it does not know
    // and every value it refuses, in its words, at the key or the value.
    [Fact]
    public Task Supervision_log_control_and_release_settings_are_checked_in_the_binders_words() => VerifyAsync("""
        { "ProdServer": {
          "OnGiveUp": "Explode",
          "Contrl": 1,
          "Logs": { "Overflow": "Sometimes", "BufferBytes": 1024, "Bogus": 1 },
          "Control": { "Enabled": "yes", "TailLines": -5, "Socket": "/run/x.sock" },
          "Release": [ { "Name": "migrate", "Comand": ["manage.py", "migrate"] } ],
          "Processes": { "web": {
            "Backend": "Waitress",
            "Restart": "Sometimes",
            "StopTimeout": "10 seconds",
            "StartRetries": 1.5,
            "Replicas": 0,
            "RestartDelay": "-1",
            "Readiness": { "Timeout": "soon", "Statsu": 200, "Status": "OK" },
            "Resources": { "Cpu": "1", "Memroy": "1G" }
          } }
        } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 2, 15, 2, 24, "OnGiveUp 'Explode' must be StopAll or KeepOthers", "ProdServer:OnGiveUp"),
        At(AppSettingsShapeDescriptors.UnknownSetting, 3, 3, 3, 14, "Contrl", "ProdServer", " (did you mean 'Control'?)", "Processes, Release, Default, OnGiveUp, Logs, Control, Rules"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 4, 25, 4, 36, "Logs:Overflow 'Sometimes' must be Block or Drop", "ProdServer:Logs:Overflow"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 4, 53, 4, 57, "Logs:BufferBytes 1024 must be a whole number of bytes from 65536 to 1073741824", "ProdServer:Logs:BufferBytes"),
        At(AppSettingsShapeDescriptors.UnknownSetting, 4, 59, 4, 69, "Bogus", "ProdServer:Logs", "", "Overflow, BufferBytes"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 5, 27, 5, 32, "Control:Enabled 'yes' must be true or false", "ProdServer:Control:Enabled"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 5, 47, 5, 49, "Control:TailLines -5 must be a whole number from 1 to 10000", "ProdServer:Control:TailLines"),
        At(AppSettingsShapeDescriptors.UnknownSetting, 6, 37, 6, 71, "Comand", "ProdServer:Release:0", " (did you mean 'Command'?)", "Name, Command, Python, WorkingDirectory, Environment"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 9, 16, 9, 27, "Restart 'Sometimes' must be Never, OnFailure or Always", "ProdServer:Processes:web:Restart"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 10, 20, 10, 32, "StopTimeout '10 seconds' must be seconds (10) or a time span (00:00:10)", "ProdServer:Processes:web:StopTimeout"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 11, 21, 11, 24, "StartRetries 1.5 must be a whole number, 0 or more", "ProdServer:Processes:web:StartRetries"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 12, 17, 12, 18, "Replicas 0 must be a whole number, 1 or more", "ProdServer:Processes:web:Replicas"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 13, 21, 13, 25, "RestartDelay '-1' must be seconds (1.5) or a time span (00:00:01.5)", "ProdServer:Processes:web:RestartDelay"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 14, 31, 14, 37, "Readiness:Timeout 'soon' must be seconds (1.5) or a time span (00:00:01.5)", "ProdServer:Processes:web:Readiness:Timeout"),
        At(AppSettingsShapeDescriptors.UnknownSetting, 14, 39, 14, 52, "Statsu", "ProdServer:Processes:web:Readiness", " (did you mean 'Status'?)", "Path, Status, Timeout"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 14, 64, 14, 68, "Readiness:Status 'OK' must be an HTTP status code such as 200", "ProdServer:Processes:web:Readiness:Status"),
        At(AppSettingsShapeDescriptors.UnknownSetting, 15, 32, 15, 46, "Memroy", "ProdServer:Processes:web:Resources", " (did you mean 'Memory'?)", "Cpu, Memory"));

    // Values the binder reads but start-up's validation refuses (SupervisionLimits), in its words.
    [Fact]
    public Task A_supervision_value_outside_start_ups_limits_is_reported_in_its_words() => VerifyAsync("""
        { "ProdServer": { "Processes": { "web": {
          "Backend": "Waitress", "StopTimeout": 0, "StartSeconds": "2.00:00:00", "StartRetries": 5000, "Replicas": "1001",
          "RestartDelay": 90000, "RestartMaxDelay": "1.00:00:01",
          "Readiness": { "Path": "healthz", "Status": 99, "Timeout": "0" },
          "Resources": { "Cpu": "lots", "Memory": "-1Gi" }
        } } } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 2, 41, 2, 42, "StopTimeout must be positive, got 00:00:00", "ProdServer:Processes:web:StopTimeout"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 2, 60, 2, 72, "StartSeconds must be between 0 and 1 day, got 2.00:00:00", "ProdServer:Processes:web:StartSeconds"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 2, 90, 2, 94, "StartRetries must be between 0 and 1000, got 5000", "ProdServer:Processes:web:StartRetries"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 2, 108, 2, 114, "Replicas must be between 1 and 1000, got 1001", "ProdServer:Processes:web:Replicas"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 3, 19, 3, 24, "RestartDelay must be between 0 and 1 day, got 1.01:00:00", "ProdServer:Processes:web:RestartDelay"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 3, 45, 3, 57, "RestartMaxDelay must be between 0 and 1 day, got 1.00:00:01", "ProdServer:Processes:web:RestartMaxDelay"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 4, 26, 4, 35, "Readiness:Path must be an absolute URL path such as /health, without spaces or line breaks, got 'healthz'", "ProdServer:Processes:web:Readiness:Path"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 4, 47, 4, 49, "Readiness:Status must be an HTTP status code (100-599), got 99", "ProdServer:Processes:web:Readiness:Status"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 4, 62, 4, 65, "Readiness:Timeout must be positive and at most 1 day, got 00:00:00", "ProdServer:Processes:web:Readiness:Timeout"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 5, 25, 5, 31, "Resources:Cpu must be a Kubernetes quantity such as 250m or 2, got 'lots'", "ProdServer:Processes:web:Resources:Cpu"),
        At(AppSettingsShapeDescriptors.InvalidSettingValue, 5, 43, 5, 49, "Resources:Memory must be a Kubernetes quantity such as 256Mi or 1Gi, got '-1Gi'", "ProdServer:Processes:web:Resources:Memory"));

    // Names start-up refuses (Names, the validator's rule); a process that waits for itself is PSC0121's (DependencyCycleTests).
    [Fact]
    public Task A_name_start_up_refuses_is_reported() => VerifyAsync("""
        { "ProdServer": {
          "Release": [ { "Name": "export", "Command": ["manage.py", "migrate"], "Environment": { "1X": "y" } } ],
          "Processes": {
            "my web": { "Backend": "Waitress" },
            "web": { "Backend": "Waitress", "DependsOn": ["api", "WEB"], "Environment": { "A=B": "x", "OK_1": "y" } },
            "worker": { "Backend": "Waitress", "DependsOn": "worker" }
          }
        } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.BadName, 2, 26, 2, 34, "export", "the release step name is reserved: export, import, manage, status, restart, start, stop, tail, signal, reload, help are command words"),
        At(AppSettingsShapeDescriptors.BadName, 2, 90, 2, 99, "1X", "an environment variable name " + Names.EnvironmentNameRule),
        At(AppSettingsShapeDescriptors.BadName, 4, 5, 4, 40, "my web", "the process name must be letters, digits, '_', '-' or '.', starting with a letter or digit (it becomes a unit file, an ini section, a compose service and a command-line word)"),
        At(AppSettingsShapeDescriptors.BadName, 5, 83, 5, 93, "A=B", "an environment variable name " + Names.EnvironmentNameRule));

    // Configuration merges arrays by index: an environment's file may change one key of a step appsettings.json names.
    [Fact]
    public Task A_release_step_is_named_once_per_list_and_an_environments_file_may_override_a_step_without_its_name() => VerifyAsync(
        "class Program { }",
        [("appsettings.json", """{ "ProdServer": { "Release": [ { "Name": "migrate", "Command": ["manage.py", "migrate"] }, { "Name": "MIGRATE", "Command": ["x"] } ] } }"""),
         ("appsettings.Production.json", """{ "ProdServer": { "Release": [ { "Python": "/opt/venv/bin/python" } ] } }""")],
        withLibrary: true,
        At(AppSettingsShapeDescriptors.BadName, 1, 102, 1, 111, "MIGRATE", "the release step name is given to an earlier step of this list too; give each step its own name"));

    // A process's setting written one level too high is an unknown key there, not a value outside a process's limits.
    [Fact]
    public Task A_process_setting_at_the_top_of_ProdServer_is_only_an_unknown_key() => VerifyAsync("""
        { "ProdServer": { "StopTimeout": 0, "Replicas": "5000" } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.UnknownSetting, 1, 19, 1, 35, "StopTimeout", "ProdServer", "", "Processes, Release, Default, OnGiveUp, Logs, Control, Rules"),
        At(AppSettingsShapeDescriptors.UnknownSetting, 1, 37, 1, 55, "Replicas", "ProdServer", "", "Processes, Release, Default, OnGiveUp, Logs, Control, Rules"));

    // One value where the binder reads an object or a list, or the other way round; a release step without its name.
    [Fact]
    public Task A_setting_of_the_wrong_shape_is_reported_at_its_value() => VerifyAsync("""
        { "ProdServer": {
          "Logs": "big",
          "Default": ["web"],
          "Release": [ { "Command": "manage.py migrate" }, "collectstatic" ],
          "Processes": {
            "api": "waitress",
            "web": { "Backend": "Waitress", "App": { "a": 1 }, "Args": "--threads=8", "EnvFile": { "a": "b" },
              "DependsOn": ["api", ["x"]], "Environment": ["A=1"] },
            "w2": { "Backend": "Waitress", "Environment": { "A": { "B": 1 } }, "Readiness": "yes" }
          }
        } }
        """, withLibrary: true,
        At(AppSettingsShapeDescriptors.WrongShape, 2, 11, 2, 16, "ProdServer:Logs", "must be a section such as ProdServer:Logs:Overflow", ", not the string 'big'"),
        At(AppSettingsShapeDescriptors.WrongShape, 3, 14, 3, 21, "ProdServer:Default", "must be one value", ", not an array"),
        At(AppSettingsShapeDescriptors.WrongShape, 4, 16, 4, 50, "ProdServer:Release:0", "needs a Name, such as \"Name\": \"migrate\"", ""),
        At(AppSettingsShapeDescriptors.WrongShape, 4, 29, 4, 48, "ProdServer:Release:0:Command", "must be a list such as [\"manage.py\", \"migrate\", \"--noinput\"]", ", not the string 'manage.py migrate'"),
        At(AppSettingsShapeDescriptors.WrongShape, 4, 52, 4, 67, "ProdServer:Release:1", "must be an object (a section with keys)", ", not the string 'collectstatic'"),
        At(AppSettingsShapeDescriptors.WrongShape, 6, 12, 6, 22, "ProdServer:Processes:api", "must be an object (a section with keys)", ", not the string 'waitress'"),
        At(AppSettingsShapeDescriptors.WrongShape, 7, 44, 7, 54, "ProdServer:Processes:web:App", "must be one value", ", not an object"),
        At(AppSettingsShapeDescriptors.WrongShape, 7, 64, 7, 77, "ProdServer:Processes:web:Args",
            "must be an object of options, such as \"Args\": { \"threads\": 8 }, or, for flags this SDK does not know, \"Args\": { \"ExtraArgs\": [\"--threads=8\"] }", ", not the string '--threads=8'"),
        At(AppSettingsShapeDescriptors.WrongShape, 7, 90, 7, 102, "ProdServer:Processes:web:EnvFile", "must be one value or an array of values", ", not an object"),
        At(AppSettingsShapeDescriptors.WrongShape, 8, 20, 8, 34, "ProdServer:Processes:web:DependsOn", "must be one value or an array of values", ", not an array"),
        At(AppSettingsShapeDescriptors.WrongShape, 8, 51, 8, 58, "ProdServer:Processes:web:Environment", "must be an object of NAME: value pairs such as { \"DJANGO_SETTINGS_MODULE\": \"mysite.settings\" }", ", not an array"),
        At(AppSettingsShapeDescriptors.WrongShape, 9, 58, 9, 68, "ProdServer:Processes:w2:Environment:A", "must be a string value", ", not an object"),
        At(AppSettingsShapeDescriptors.WrongShape, 9, 85, 9, 90, "ProdServer:Processes:w2:Readiness", "must be an object (a section with keys)", ", not the string 'yes'"));

    [Fact]
    public Task Every_value_of_those_settings_the_binder_accepts_is_quiet() => VerifyAsync("""
        { "ProdServer": {
          "default": "web", "ongiveup": "keepothers", "Rules": { "PSC0101": "off" },
          "logs": { "overflow": "drop", "bufferBytes": "65536" },
          "control": { "enabled": true, "tailLines": 10000, "socket": "ctl.sock" },
          "release": [ { "name": "migrate", "command": ["manage.py", "migrate"], "python": "python3", "workingDirectory": "app", "environment": { "A": "1" } } ],
          "Processes": {
            "web": { "Backend": "Waitress", "Restart": "on-failure", "StopTimeout": "00:00:10", "StartSeconds": 1.5, "StartRetries": "0",
              "RestartDelay": "2", "RestartMaxDelay": null, "Replicas": 3,
              "Readiness": { "path": "/healthz", "status": "204", "timeout": 30 }, "Resources": { "cpu": "250m", "memory": "256Mi" } },
            "worker": { "Backend": "Waitress", "restart": "Always", "stopTimeout": 10.5, "Readiness": { "Status": 200 },
              "EnvFile": "prod.env", "DependsOn": ["web"], "PythonPath": ["src", "lib"], "Environment": { "A": "1", "B": 2, "C": null }, "App": {}, "Args": {} },
            "empty": { "Backend": "Waitress", "Environment": [], "Args": "", "Readiness": "" }
          }
        } }
        """, withLibrary: true);

    [Fact]
    public Task Nothing_is_reported_without_the_library() => VerifyAsync("""
        { "ProdServer": { "Processes": { "web": { "Backend": "Gunicron", "Bakend": 1 } } } }
        """, withLibrary: false);
}
