using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>return await builder.Build().RunProdServerAsync(args);</c> as a user's Program.cs runs it: <c>--list</c>, <c>--dry-run</c>,
/// <c>--help</c>, process names and exit codes. Nothing here starts a server: the interpreter is configured at a path that
/// does not exist, so waitress need not be installed, and an accidental start would fail loudly.
/// </summary>
public sealed class EntryPointSpecs : IDisposable
{
    private const string Python = "/nonexistent/prodserver-tests/python3";
    private readonly TemporaryDirectory _root = new();
    private readonly StartProbe _probe = new();

    public void Dispose()
    {
        // RunProdServerAsync sets the process exit code, as a real Program.cs wants; the test host must not inherit it.
        Environment.ExitCode = 0;
        _root.Dispose();
    }

    private IHost Build(params string[] args) => Build(withExport: true, args);

    private IHost Build(bool withExport, params string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = _root.Path, // no stray appsettings.json from the test's output directory
        });
        builder.Services.AddSingleton<IHostedService>(_probe);
        if (withExport)
        {
            builder.Services.AddProdServerExport();
        }

        builder.Services.AddProdServer(o =>
        {
            o.UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Port = 8000, Threads = 4 })
                .Python(Python)
                .WorkingDirectory(_root.Path)
                .Environment("DJANGO_SETTINGS_MODULE", "mysite.settings");
            o.Process("admin").UseWaitress("mysite.admin_wsgi:application", w => w with { Port = 8001 })
                .Python(Python);
        });
        return builder.Build();
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = Build(args);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await host.RunProdServerAsync(args, output, error, timeout.Token);

        Assert.False(_probe.Started, "the host was started, so servers would have been launched");
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task I_can_list_the_declared_processes()
    {
        var (code, output, error) = await RunAsync("--list");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(
            ["web\tWaitress\tmysite.wsgi:application\tvalid", "admin\tWaitress\tmysite.admin_wsgi:application\tvalid"],
            Lines(output));
        Assert.Empty(error);
    }

    [Fact]
    public async Task I_can_see_the_exact_command_line_of_the_default_process_without_starting_it()
    {
        var (code, output, error) = await RunAsync("--ProdServer:Processes:web:Args:ExposeTracebacks=true", "--dry-run");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        var lines = Lines(output);
        Assert.Equal($"# web (Waitress) in {_root.Path}", lines[0]);
        Assert.Contains("# env PYTHONUNBUFFERED=1", lines);
        Assert.Contains("# env DJANGO_SETTINGS_MODULE=mysite.settings", lines);
        // The interpreter runs waitress's own runner (python -m waitress would exit 0 on errors); the app target comes last.
        var entryPoint = ShellQuoting.Quote(ServerBackends.Waitress.PythonEntryPoint!);
        Assert.Equal(
            $"{Python} -c {entryPoint} --host=127.0.0.1 --port=8000 --threads=4 --expose-tracebacks mysite.wsgi:application",
            lines[^1]);
        Assert.DoesNotContain("=True", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("admin", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_can_dry_run_several_named_processes()
    {
        var (code, output, _) = await RunAsync("admin", "web", "--dry-run");

        Assert.Equal(ExitCodes.Ok, code);
        var headers = Lines(output).Where(l => l.StartsWith("# ", StringComparison.Ordinal) && !l.StartsWith("# env", StringComparison.Ordinal));
        Assert.Equal(["admin", "web"], headers.Select(h => h.Split(' ')[1]));
        Assert.Contains(Lines(output), l => l.EndsWith("--port=8001 mysite.admin_wsgi:application", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dry_run_of_an_invalid_configuration_fails_naming_the_process_and_the_setting()
    {
        var (code, output, error) = await RunAsync("--ProdServer:Processes:web:Args:Threads=0", "web", "--dry-run");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Empty(output);
        Assert.Contains("Process 'web'", error, StringComparison.Ordinal);
        Assert.Contains("Threads must be at least 1, got 0.", error, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Args:Threads", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil\u202Egnp.exe", @"evil\u202egnp.exe")] // a direction override: the rest of the line would display reversed
    [InlineData("evil\u2028x", @"evil\u2028x")] // a line separator: a second line on some terminals
    public async Task A_configured_value_an_invalid_configuration_quotes_is_shown_escaped(string app, string shown)
    {
        var (code, _, error) = await RunAsync($"--ProdServer:Processes:web:App={app}", "web", "--dry-run");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains($"App '{shown}' must be 'module:object'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(error, c => Names.MustEscape(c) && c != '\n' && c != '\r');
    }

    [Fact]
    public async Task A_configuration_override_written_after_dry_run_still_applies()
    {
        var (code, _, error) = await RunAsync("web", "--dry-run", "--ProdServer:Processes:web:Args:Threads=0");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("Threads must be at least 1, got 0.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_process_name_is_a_usage_error_that_lists_the_declared_ones()
    {
        var (code, output, error) = await RunAsync("wbe", "--dry-run");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains("'wbe'", error, StringComparison.Ordinal);
        Assert.Contains("web, admin", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_flags_after_a_double_dash_win_over_the_configured_values()
    {
        var (code, output, error) = await RunAsync("web", "--dry-run", "--", "--threads=8", "--expose-tracebacks", "--no-ipv6", "--ident", "cli");

        Assert.True(code == ExitCodes.Ok, error);
        var command = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        Assert.Contains(" --threads=8 ", command, StringComparison.Ordinal);
        Assert.DoesNotContain("--threads=4", command, StringComparison.Ordinal);
        Assert.Contains(" --no-ipv6 ", command, StringComparison.Ordinal);
        Assert.Contains(" --expose-tracebacks ", command, StringComparison.Ordinal);
        Assert.Contains(" --ident=cli ", command, StringComparison.Ordinal);
    }

    // "app -- --threads=8 --dry-run": everything after -- goes to the server, and the refusal did not say where --dry-run belongs.
    [Theory]
    [InlineData("--dry-run")]
    [InlineData("--list")]
    [InlineData("--skip-release")]
    public async Task The_launchers_own_option_after_a_double_dash_says_to_give_it_before(string option)
    {
        var (code, output, error) = await RunAsync("web", "--", "--threads=8", option);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains(
            $"Process 'web': {option} (command line after --) is not an option of waitress-serve; it is this app's own option: give it before -- (web {option} -- …).",
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_launchers_own_options_known_after_a_double_dash_are_those_its_help_lists()
    {
        var help = ProdServerCommandLine.Usage;
        var listed = System.Text.RegularExpressions.Regex.Matches(help, @"^\s+(--[a-z-]+)\b", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .Where(o => !ServerOverrideBinder.LauncherHelp.Contains(o)); // after --, said apart (the servers have them too)

        Assert.Equal(listed.Order(), ServerOverrideBinder.LauncherOptions.Order());
    }

    // "app --dry-run --json > plan.json" on a full disk: an unhandled IOException, a stack trace and an abort (exit 134).
    // /dev/full is the kernel's own always-full device: the write fails with ENOSPC, as on a full disk.
    [Theory]
    [InlineData("--list")]
    [InlineData("--dry-run", "--json")]
    [InlineData("--help")]
    public async Task An_answer_standard_output_refuses_is_one_line_and_exit_code_1(params string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/full is Linux's (CI runs there)
        }

        using var full = new StreamWriter(new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0)) { AutoFlush = true };
        using var error = new StringWriter();
        var host = Build(args);

        var code = await host.RunProdServerAsync(args, full, error);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        var line = Assert.Single(Lines(error.ToString()));
        Assert.StartsWith("The answer could not be written to standard output: No space left on device", line, StringComparison.Ordinal);
        Assert.False(_probe.Started);
    }

    [Fact]
    public async Task Server_flags_after_a_double_dash_are_validated_like_configuration()
    {
        var (code, _, error) = await RunAsync("web", "--dry-run", "--", "--threads=0", "--bogus=1", "-w", "--port=many");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Process 'web': '-w' after -- is not a long server flag", error, StringComparison.Ordinal);
        Assert.Contains("Process 'web': --bogus (command line after --) is not an option of waitress-serve.", error, StringComparison.Ordinal);
        // A value the flag cannot take is named by the flag typed, not by the reader's configuration path.
        Assert.Contains("Process 'web': --port (command line after --): 'many' is not a whole number", error, StringComparison.Ordinal);
        // Named as given: no configuration file holds it.
        Assert.Contains("Process 'web': Threads must be at least 1, got 0. (command line after --: --threads)", error, StringComparison.Ordinal);
    }

    // "app web -- --no-such-flag" said "ProdServer configuration is invalid" and exited 1: the mistake was typed on the
    // command line, which is a usage error (exit 2) with the hint the other usage errors end with.
    [Theory]
    [InlineData("--no-such-flag")]
    [InlineData("-t", "4")]
    [InlineData("--threads=abc")]
    [InlineData("--threads=8", "--threads=9")]
    public async Task A_mistake_in_the_server_flags_after_a_double_dash_is_a_usage_error(params string[] flags)
    {
        var (code, output, error) = await RunAsync(["web", "--", .. flags]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.DoesNotContain("configuration is invalid", error, StringComparison.Ordinal);
        var lines = Lines(error);
        Assert.Equal(2, lines.Length); // one line for the mistake ("-t 4" is one), then the hint
        Assert.StartsWith("Process 'web': ", lines[0], StringComparison.Ordinal);
        Assert.True(lines[0].Contains(flags[0].Split('=')[0], StringComparison.Ordinal), error);
        Assert.Equal("Run with --help for the usage.", lines[1]);
    }

    // A value the binder reads but the backend's rules refuse (--threads=0) was typed on the command line as much as
    // --threads=abc: the same usage error, named by its flag.
    [Fact]
    public async Task A_value_after_a_double_dash_that_the_rules_refuse_is_a_usage_error_too()
    {
        var (code, output, error) = await RunAsync("web", "--", "--threads=0");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Equal(
            ["Process 'web': Threads must be at least 1, got 0. (command line after --: --threads)", "Run with --help for the usage."],
            Lines(error));
    }

    [Fact]
    public async Task A_configuration_mistake_beside_server_flags_after_a_double_dash_is_still_exit_1()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.json"), """{ "ProdServer": { "Bogus": 1 } }""");

        var (code, _, error) = await RunAsync("web", "--", "--threads=8");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("ProdServer configuration is invalid:", error, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Bogus is not a ProdServer setting", error, StringComparison.Ordinal);
        Assert.DoesNotContain("for the usage", error, StringComparison.Ordinal);
    }

    // Both kinds in one run: both are said, the configuration's under its heading, and the exit code is the usage error's.
    [Fact]
    public async Task A_configuration_mistake_and_a_mistake_after_a_double_dash_are_both_said()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.json"), """{ "ProdServer": { "Bogus": 1 } }""");

        var (code, _, error) = await RunAsync("web", "--", "--no-such-flag");

        Assert.Equal(ExitCodes.Usage, code);
        var lines = Lines(error);
        Assert.Equal("ProdServer configuration is invalid:", lines[0]);
        Assert.Contains("ProdServer:Bogus is not a ProdServer setting", lines[1], StringComparison.Ordinal);
        Assert.True(lines[2].StartsWith("Process 'web': --no-such-flag (command line after --) is not an option of waitress-serve", StringComparison.Ordinal), error);
        Assert.Equal("Run with --help for the usage.", lines[3]);
        Assert.True(lines.Length == 4, error);
    }

    [Fact]
    public async Task Server_flags_after_a_double_dash_go_to_the_named_process_only()
    {
        var (code, output, error) = await RunAsync("admin", "--dry-run", "--", "--threads=9");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("--threads=9", output, StringComparison.Ordinal);
        Assert.Contains("mysite.admin_wsgi:application", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_flags_after_a_double_dash_need_exactly_one_process()
    {
        var (code, _, error) = await RunAsync("web", "admin", "--dry-run", "--", "--threads=9");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("name exactly one", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_env_file_on_the_command_line_is_named_in_the_dry_run_but_its_values_never_show()
    {
        var envFile = Path.Combine(_root.Path, "prod.env");
        File.WriteAllText(envFile, "SECRET_KEY=do-not-print-me\n");

        var (code, output, error) = await RunAsync("web", "--dry-run", "--env-file", envFile);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("# env SECRET_KEY (from an env file; value not shown)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dry_run_as_json_gives_tools_the_exact_command_of_each_process()
    {
        var (code, output, error) = await RunAsync("web", "admin", "--dry-run", "--json");

        Assert.True(code == ExitCodes.Ok, error);
        var documents = Lines(output).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["web", "admin"], documents.Select(d => d.GetProperty("name").GetString()!));
        var web = documents[0];
        Assert.Equal(Python, web.GetProperty("executable").GetString());
        var args = web.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Equal("-c", args[0]);
        Assert.Equal(["--host=127.0.0.1", "--port=8000", "--threads=4", "mysite.wsgi:application"], args[2..]);
        Assert.Equal("mysite.settings", web.GetProperty("env").GetProperty("DJANGO_SETTINGS_MODULE").GetString());
        Assert.Equal(_root.Path, web.GetProperty("workingDirectory").GetString());

        // Each field documented, in --help and the README, and no other: a tool author reads what is there.
        Assert.Equal(DryRun.JsonFields.Select(f => f.Name), web.EnumerateObject().Select(p => p.Name));
        var (_, help, _) = await RunAsync("--help");
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        Assert.All(DryRun.JsonFields, f =>
        {
            Assert.Contains(f.Name, help, StringComparison.Ordinal);
            Assert.Contains($"`{f.Name}` ({f.Holds}", readme.ReplaceLineEndings(" "), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task I_can_export_systemd_units_for_every_process_without_starting_anything()
    {
        var outputDirectory = Path.Combine(_root.Path, "deploy");

        // --exec: these tests run from a Debug build, which export refuses as the units' command.
        var (code, output, error) = await RunAsync("export", "systemd", "--out", outputDirectory, "--exec", "/srv/app/app");

        Assert.True(code == ExitCodes.Ok, error);
        var files = Directory.GetFiles(outputDirectory).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(3, files.Length);
        Assert.Contains(files, f => f!.EndsWith("-web.service", StringComparison.Ordinal));
        Assert.Contains(files, f => f!.EndsWith("-admin.service", StringComparison.Ordinal));
        Assert.All(Directory.GetFiles(outputDirectory), f => Assert.Contains(f, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exported_files_run_the_app_in_the_environment_they_were_computed_in_and_say_so_when_it_is_not_Production()
    {
        // The processes (ports, timeouts, probes) are read in the export's environment: units that ran the app in Production
        // made it read another configuration than the one they were computed from.
        var outputDirectory = Path.Combine(_root.Path, "deploy");

        var (code, _, error) = await RunAsync("export", "systemd", "--out", outputDirectory, "--exec", "/srv/app/app", "--environment", "Staging", "web");

        Assert.True(code == ExitCodes.Ok, error);
        var unit = File.ReadAllText(Directory.GetFiles(outputDirectory, "*-web.service").Single());
        Assert.Contains("Environment=\"DOTNET_ENVIRONMENT=Staging\"", unit, StringComparison.Ordinal);
        Assert.Contains("the export: the files run the app in Staging (DOTNET_ENVIRONMENT=Staging), the environment they were computed in", error, StringComparison.Ordinal);

        var (productionCode, _, productionError) = await RunAsync("export", "systemd", "--out", Path.Combine(_root.Path, "production"), "--exec", "/srv/app/app", "web");
        Assert.True(productionCode == ExitCodes.Ok, productionError);
        Assert.Contains("Environment=\"DOTNET_ENVIRONMENT=Production\"", File.ReadAllText(Directory.GetFiles(Path.Combine(_root.Path, "production"), "*-web.service").Single()), StringComparison.Ordinal);
        Assert.DoesNotContain("the environment they were computed in", productionError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_that_references_the_export_package_but_does_not_call_it_is_told_the_call_not_the_package()
    {
        var app = Directory.CreateDirectory(Path.Combine(_root.Path, "app")).FullName;
        Assert.StartsWith("export needs the ProdServer.Config.Export package: `dotnet add package", ProdServerHostExtensions.ExportPackageMissing(app), StringComparison.Ordinal);

        File.WriteAllBytes(Path.Combine(app, "ProdServer.Config.Export.dll"), []);
        var line = ProdServerHostExtensions.ExportPackageMissing(app);
        Assert.StartsWith("export needs services.AddProdServerExport()", line, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet add package", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_without_the_export_package_is_told_which_package_export_needs_and_nothing_is_written()
    {
        var outputDirectory = Path.Combine(_root.Path, "deploy");
        string[] args = ["export", "systemd", "--out", outputDirectory, "--exec", "/srv/app/app"];
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await Build(withExport: false, args).RunProdServerAsync(args, output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, code);
        var line = Assert.Single(Lines(error.ToString()));
        Assert.Contains("ProdServer.Config.Export", line, StringComparison.Ordinal);
        Assert.Contains("AddProdServerExport()", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outputDirectory));
        Assert.False(_probe.Started);
    }

    [Fact]
    public async Task I_can_export_only_the_named_process()
    {
        var outputDirectory = Path.Combine(_root.Path, "procfile");

        var (code, _, error) = await RunAsync("export", "procfile", "--out", outputDirectory, "--exec", "/srv/app/app", "admin");

        Assert.True(code == ExitCodes.Ok, error);
        var procfile = File.ReadAllText(Path.Combine(outputDirectory, "Procfile"));
        Assert.StartsWith("admin: ", procfile, StringComparison.Ordinal);
        Assert.DoesNotContain("web:", procfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Required argument 'TARGET' missing for command: 'export'", "export", "--out", "x")]
    [InlineData("Argument 'heroku' not recognized. Must be one of:", "export", "heroku", "--out", "x")]
    [InlineData("Option '--out' is required.", "export", "systemd")]
    public async Task An_incomplete_export_is_a_usage_error(string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'export --help' for the usage." + Environment.NewLine, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Unrecognized option '--dry-rn'.", "web", "--dry-rn")]
    [InlineData("--json goes with --dry-run (--dry-run --json).", "--json")]
    [InlineData("--all runs every process; drop it or the names (web).", "--all", "web")]
    [InlineData("Required argument missing for option: '--env-file'.", "--env-file")]
    public async Task A_mistyped_or_contradictory_command_line_is_a_usage_error_that_says_what_is_wrong(string message, params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Export_has_its_own_help()
    {
        var (code, output, _) = await RunAsync("export", "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("--out <DIR> (REQUIRED)", output, StringComparison.Ordinal);
        Assert.Contains("systemd", output, StringComparison.Ordinal);

        // It starts nothing: its own exit codes, no signals or control socket to explain.
        Assert.Contains("Exit codes: 0 ok; 1 invalid configuration, or something that could not be written or translated", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Signals:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("A running host", output, StringComparison.Ordinal);
    }

    // System.CommandLine shows the root's arguments in a subcommand's help too; a subcommand takes no process to run.
    [Theory]
    [InlineData("signal", "signal <NAME> <SIGNAL> [options]")]
    [InlineData("export", "export <TARGET> [<NAME>...] [options]")]
    [InlineData("status", "status [<NAME>...] [options]")]
    public async Task A_subcommands_help_shows_only_what_it_takes(string command, string usage)
    {
        var (code, output, _) = await RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches($@"(?m)^  \S+ {System.Text.RegularExpressions.Regex.Escape(usage)}$", output);
        Assert.DoesNotContain("The process(es) to run", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[<NAME>...] " + command, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task I_can_ask_for_usage(string flag)
    {
        var (code, output, error) = await RunAsync(flag);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--dry-run", output, StringComparison.Ordinal);
        Assert.Contains("--list", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    // "help" is a reserved word (no process may be called it), and `dotnet help`, `git help CMD` are habits: it once ran as a
    // plain run and answered "Unknown process 'help'", exit 2.
    [Theory]
    [InlineData(new[] { "help" }, "Runs this app's production processes")]
    [InlineData(new[] { "help", "export" }, "Write deployment files")]
    [InlineData(new[] { "help", "status" }, "Show each process's state")]
    [InlineData(new[] { "--environment", "Production", "help" }, "Runs this app's production processes")]
    public async Task I_can_ask_for_help_with_the_help_word(string[] args, string description)
    {
        var (code, output, error) = await RunAsync(args);
        var (_, expected, _) = await RunAsync([.. args.Where(a => a != "help"), "--help"]);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(description, output, StringComparison.Ordinal);
        Assert.Equal(expected, output);
        Assert.Empty(error);
    }

    // "app version" answered "Unknown process 'version'" and no more. It stays an unknown process (the word is not reserved,
    // as "help" is: a process may be called it), with the option that was meant.
    [Theory]
    [InlineData("version", "--version")]
    [InlineData("Version", "--version")]
    [InlineData("list", "--list")]
    [InlineData("dry-run", "--dry-run")]
    public async Task A_launcher_option_written_as_a_process_name_says_which_option_was_meant(string word, string option)
    {
        var (code, output, error) = await RunAsync(word);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Equal([$"Unknown process '{word}' (did you mean {option}?). Declared processes: web, admin."], Lines(error));
    }

    [Fact]
    public async Task A_process_may_be_called_version()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = ["version", "--dry-run"], ContentRootPath = _root.Path });
        builder.Services.AddProdServer(o => o.Process("version").UseWaitress("mysite.wsgi:application").Python(Python).WorkingDirectory(_root.Path));

        var code = await builder.Build().RunProdServerAsync(["version", "--dry-run"], output, error);

        Assert.True(code == ExitCodes.Ok, error.ToString());
        Assert.StartsWith("# version (Waitress)", output.ToString(), StringComparison.Ordinal);
    }

    // --help lists --version (System.CommandLine's root option); it once parsed as a plain run and started the default process.
    [Theory]
    [InlineData("--version")]
    [InlineData("web", "--version")]
    public async Task I_can_ask_for_the_version_and_nothing_starts(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Ok, code);
        var library = typeof(ProdServerCommandLine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal($"ProdServer.Config {library}", Lines(output)[^1]);
        Assert.Equal(2, Lines(output).Length);
        Assert.DoesNotContain("Starting", output + error, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Host_options_on_the_command_line_are_not_taken_for_process_names()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = ["--environment", "Production", "web", "--dry-run"];
        var host = Build(args);
        var environment = host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName;

        var code = await host.RunProdServerAsync(args, output, error);

        Assert.Equal("Production", environment); // the host read it...
        Assert.Equal(ExitCodes.Ok, code); // ...and the entry point did not look for a process called "Production"
        Assert.Empty(error.ToString());
        Assert.StartsWith("# web (Waitress)", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Records whether the host was started: a dry run, a list or a usage error must never start it.</summary>
    private sealed class StartProbe : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
