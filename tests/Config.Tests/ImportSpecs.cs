using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>import django-prodserver</c> against a real Django project (Fixtures/prodserver_site, read by Debian's Python and
/// Django) whose PRODUCTION_PROCESSES uses every django-prodserver backend.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ImportSpecs : IDisposable
{
    private static readonly string Site = Path.Combine(Repository.Root, "tests", "Config.Tests", "Fixtures", "prodserver_site");

    private readonly TemporaryDirectory _root = new();
    // The python3 first on PATH is the interpreter that reads the settings (Debian's, as in CI), unless a test says otherwise:
    // then the imported processes need no Python of their own (see the interpreter tests below).
    private readonly IDisposable _environment = DryRunner.WithVariables(
        ["DJANGO_SETTINGS_MODULE"], new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin:" + Environment.GetEnvironmentVariable("PATH") });

    public void Dispose()
    {
        _environment.Dispose();
        _root.Dispose();
    }

    private Task<(int Code, string Output, string Error)> ImportAsync(params string[] options) =>
        EntryPoint.RunAsync(_root.Path, null, null, ["import", "django-prodserver", "--pythonpath", Site, .. options]);

    [Fact]
    public async Task A_settings_module_with_every_django_prodserver_backend_imports_in_its_order_with_nothing_dropped()
    {
        var (code, output, error) = await ImportAsync();

        Assert.True(code == ExitCodes.Ok, error);
        Assert.DoesNotContain("not imported", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var processes = json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject()
            .Select(p => (p.Name, Backend: p.Value.GetProperty("Backend").GetString())).ToList();
        Assert.Equal(
            [("web", "Gunicorn"), ("waitress", "Waitress"), ("asgi", "Uvicorn"), ("uvicorn-wsgi", "UvicornWsgi"), ("granian", "Granian"),
             ("granian-wsgi", "GranianWsgi"), ("worker", "CeleryWorker"), ("beat", "CeleryBeat"), ("flower", "CeleryFlower"),
             ("tasks", "DjangoTasks"), ("qcluster", "DjangoQ"), ("dev", "DjangoDevServer")],
            processes);
        var web = json.RootElement.GetProperty("ProdServer").GetProperty("Processes").GetProperty("web");
        Assert.Equal("prodsite.wsgi:application", web.GetProperty("App").GetString());
        Assert.Equal(2, web.GetProperty("Args").GetProperty("Workers").GetInt32());
        Assert.True(web.GetProperty("Args").GetProperty("Preload").GetBoolean());
        Assert.Equal(Site, web.GetProperty("WorkingDirectory").GetString()); // outside the content root: absolute
        // manage.py named the settings; the servers start on their own, where wsgi.py's or celery.py's default would win.
        Assert.Equal("prodsite.settings", web.GetProperty("Environment").GetProperty("DJANGO_SETTINGS_MODULE").GetString());
        Assert.False(web.TryGetProperty("Python", out _) || web.TryGetProperty("Venv", out _)); // python3 on PATH read the settings
        Assert.Contains("Process 'web': App 'prodsite.wsgi:application' is WSGI_APPLICATION 'prodsite.wsgi.application' from the settings", error, StringComparison.Ordinal);
        Assert.Contains("Process 'asgi': App 'prodsite.asgi:application' is ASGI_APPLICATION", error, StringComparison.Ordinal);

        // django-prodserver's runserver address (ARGS addrport) is the process's App here.
        var dev = json.RootElement.GetProperty("ProdServer").GetProperty("Processes").GetProperty("dev");
        Assert.Equal("127.0.0.1:8127", dev.GetProperty("App").GetString());
        Assert.False(dev.GetProperty("Args").TryGetProperty("addrport", out _));
        Assert.Contains("Process 'dev': ARGS addrport '127.0.0.1:8127' is the process's App here", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_build_and_a_Production_start_will_warn_about_is_said_at_the_import()
    {
        var (code, _, error) = await ImportAsync();

        Assert.True(code == ExitCodes.Ok, error);
        var ruled = error.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^# Process '[^']+': PSC[0-9]{4}: ")).ToList();
        var dev = Assert.Single(ruled);
        Assert.StartsWith("# Process 'dev': PSC0113: Django's development server (manage.py runserver) is not for production", dev, StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics/PSC0113.md; imported as it is, the build and a Production start report it too).", dev, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_below_the_content_root_becomes_a_relative_working_directory()
    {
        var (code, output, error) = await EntryPoint.RunAsync(Path.GetDirectoryName(Site)!, null, null, "import", "django-prodserver", "--pythonpath", "prodserver_site");

        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject(),
            p => Assert.Equal("prodserver_site", p.Value.GetProperty("WorkingDirectory").GetString()));
    }

    [Fact]
    public async Task The_imported_configuration_dry_runs_the_command_lines_django_prodserver_would_start()
    {
        var (code, output, error) = await ImportAsync("--out", "appsettings.json");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal(Path.Combine(_root.Path, "appsettings.json"), output.Trim());

        var (dryCode, dryRun, dryError) = await EntryPoint.RunAsync(_root.Path, null, null, "--all", "--dry-run", "--json", "--skip-release");
        Assert.True(dryCode == ExitCodes.Ok, dryError);
        var ours = EntryPoint.Lines(dryRun).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList());
        var theirs = DjangoProdserverArgv();

        Assert.Equal(theirs.Keys.Order(), ours.Keys.Order());
        foreach (var (name, expected) in theirs)
        {
            // After the program (gunicorn, python -m uvicorn, python manage.py): the same arguments, in any order, with
            // django-prodserver's "--x=True" written as the server spells a boolean ("--x"; "--x=False" as "--no-x" or left out).
            var actual = ours[name].SkipWhile(a => a is "-m" or "uvicorn" or "celery" || a.EndsWith("manage.py", StringComparison.Ordinal)).ToList();
            Assert.True(Normalized(expected).SequenceEqual(Normalized(actual)), $"{name}: django-prodserver {string.Join(' ', expected)}\n  here {string.Join(' ', actual)}");
        }
    }

    [Fact]
    public async Task The_csharp_import_compiles_and_declares_the_same_processes_as_the_json_import()
    {
        var (jsonCode, json, jsonError) = await ImportAsync();
        var (code, csharp, error) = await ImportAsync("--csharp");
        Assert.True(jsonCode == ExitCodes.Ok && code == ExitCodes.Ok, jsonError + error);

        var fromCode = CSharpSnippet.Run(csharp);
        var fromJson = new ProdServerOptions();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        using var document = JsonDocument.Parse(json);
        var written = document.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject().Select(p => p.Name).ToList();
        ProdServerConfigurationBinder.Bind(new ConfigurationBuilder().AddJsonStream(stream).Build().GetSection("ProdServer"), fromJson, written);

        Assert.Empty(fromJson.BindingErrors);
        Assert.Equal(fromJson.Processes.Select(p => p.Name), fromCode.Processes.Select(p => p.Name));
        foreach (var process in fromJson.Processes)
        {
            var declared = fromCode.Find(process.Name)!;
            Assert.Equal(process.Backend, declared.Backend);
            Assert.Equal(process.Backend.BuildArguments(process), declared.Backend.BuildArguments(declared));
            Assert.Equal(process.WorkingDirectory, declared.WorkingDirectory);
        }
    }

    [Fact]
    public async Task Hostile_settings_are_data_every_untranslatable_key_is_listed_with_process_and_reason_and_the_exit_code_is_1()
    {
        var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_hostile");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        string[] expected =
        [
            "not imported: Process 'web': ARGS key 'bind' is None: django-prodserver would pass --bind=None. Not imported.",
            "not imported: Process 'web': ARGS key 'a:b' is not a flag name",
            "not imported: Process 'web': ARGS key 'env' is a dict, not a value a flag can take. Not imported.",
            // An integer str() refuses (past 4300 digits) made json.dumps fail and the whole import with it; a list that
            // holds itself was expanded 16 deep.
            "not imported: Process 'web': ARGS key 'backlog' is (an integer of 16610 bits) (int), not a value a flag can take. Not imported.",
            "not imported: Process 'web': ARGS key 'raw-env' is a list that is empty or holds more than plain values. Not imported.",
            "no-such-flag is not an option of gunicorn",
            "timeout: 'soon' is not a whole number",
            @"keepalive: 'rlo\u202eevil' is not a whole number", // a bidirectional control shown escaped, as a control character is
            "not imported: Process 'bad name\\n': the process name must be letters, digits",
            "not imported: Process 'export': the process name is reserved",
            "not imported: Process 'daphne': Backend 'django_prodserver.backends.servers.daphne.DaphneServer' is a django-prodserver backend with no counterpart here",
            "not imported: Process 'oneline': key 'WORKERS' is not a django-prodserver process key",
            // Several flags in one string are one argument to the server (--threads with the value "4 --channel-timeout=60").
            "not imported: Process 'oneline': ARGS is '--threads=4 --channel-timeout=60'; django-prodserver passes a string as one argument",
            "# Process 'oneflag': ARGS '--threads=4' is one flag, imported as the ARGS key \"threads\".",
        ];
        foreach (var line in expected)
        {
            Assert.True(error.Contains(line, StringComparison.Ordinal), $"Missing: {line}\nin:\n{error}");
        }

        Assert.All(EntryPoint.Lines(error), line => Assert.DoesNotContain(line, c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E'));
        // What could be translated is still written, and the hostile name value stays one JSON string.
        using var json = JsonDocument.Parse(output);
        var web = json.RootElement.GetProperty("ProdServer").GetProperty("Processes").GetProperty("web");
        Assert.Equal("x\"); System.Environment.Exit(3); //\n\u001b[31m", web.GetProperty("Args").GetProperty("Name").GetString());
        Assert.Equal(2, web.GetProperty("Args").GetProperty("Workers").GetInt32());
        Assert.Equal(["web", "oneline", "oneflag", "oneident"], json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject().Select(p => p.Name));
        // One flag whose value holds a bidirectional control: imported as data, said escaped (the line check above).
        Assert.Equal("rlo\u202eevil", json.RootElement.GetProperty("ProdServer").GetProperty("Processes").GetProperty("oneident").GetProperty("Args").GetProperty("Ident").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("ProdServer").GetProperty("Processes").GetProperty("oneflag").GetProperty("Args").GetProperty("Threads").GetInt32());
    }

    [Fact]
    public async Task Hostile_values_in_the_csharp_import_stay_string_literals()
    {
        var (_, csharp, _) = await ImportAsync("--settings", "prodsite.settings_hostile", "--csharp");

        var options = CSharpSnippet.Run(csharp);

        Assert.Equal("x\"); System.Environment.Exit(3); //\n\u001b[31m", Assert.IsType<GunicornArgs>(options.Find("web")!.Args).Name);
    }

    [Fact]
    public async Task Settings_read_by_another_python_than_the_one_on_PATH_keep_it_for_every_process()
    {
        // A pyenv-like shim first on PATH: another interpreter than the Debian one that can import the settings.
        var shim = _root.CreateExecutable(Path.Combine("shims", "python3"));
        await File.WriteAllTextAsync(shim, "#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n");
        using var path = DryRunner.WithVariables([], new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(shim) + ":" + Environment.GetEnvironmentVariable("PATH") });

        var (code, output, error) = await ImportAsync("--python", "/usr/bin/python3");
        var (csharpCode, csharp, _) = await ImportAsync("--python", "/usr/bin/python3", "--csharp");

        Assert.True(code == ExitCodes.Ok && csharpCode == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var processes = json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject().ToList();
        Assert.All(processes, p => Assert.Equal("/usr/bin/python3", p.Value.GetProperty("Python").GetString()));
        Assert.Contains($"# The settings were read by /usr/bin/python3; python3 on PATH is {shim}, another interpreter: each process gets \"Python\": \"/usr/bin/python3\"", error, StringComparison.Ordinal);
        Assert.All(CSharpSnippet.Run(csharp).Processes, p => Assert.Equal("/usr/bin/python3", p.Python));
    }

    [Fact]
    public async Task Settings_read_by_a_virtual_environment_make_it_every_process_venv()
    {
        var venv = Path.Combine(_root.Path, ".venv");
        using (var create = System.Diagnostics.Process.Start("/usr/bin/python3", ["-m", "venv", "--without-pip", "--system-site-packages", venv]))
        {
            Assert.True(create.WaitForExit(60_000) && create.ExitCode == 0, "python3 -m venv failed");
        }

        var (code, output, error) = await ImportAsync("--python", Path.Combine(venv, "bin", "python"));

        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject(), p =>
        {
            Assert.Equal(".venv", p.Value.GetProperty("Venv").GetString()); // below the content root: relative
            Assert.False(p.Value.TryGetProperty("Python", out _));
        });
        Assert.Contains($"# The settings were read by the virtual environment {venv}: each process gets \"Venv\": \".venv\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_out_file_is_kept_unless_force_is_given()
    {
        var target = Path.Combine(_root.Path, "appsettings.json");
        await File.WriteAllTextAsync(target, "{}");

        var (code, _, error) = await ImportAsync("--out", target);
        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("already exists; nothing was written: give --merge to write the processes into it, keeping the rest, or --force to replace it", error, StringComparison.Ordinal);
        Assert.StartsWith("import:", error, StringComparison.Ordinal);
        Assert.Equal("{}", await File.ReadAllTextAsync(target));

        var (forced, _, forcedError) = await ImportAsync("--out", target, "--force");
        Assert.True(forced == ExitCodes.Ok, forcedError);
        Assert.Contains("\"Processes\"", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_writes_the_processes_into_an_existing_appsettings_json_and_keeps_the_rest()
    {
        // The template's appsettings.json: its Logging section, and the settings module for its web process, in another case.
        var target = Path.Combine(_root.Path, "appsettings.json");
        await File.WriteAllTextAsync(target, """
            {
              "Logging": { "LogLevel": { "Default": "Information", "Microsoft.Hosting.Lifetime": "Warning" } },
              "prodserver": {
                "Default": "web",
                "processes": {
                  "WEB": { "Backend": "Waitress", "Args": { "Threads": 8 }, "StopTimeout": "00:00:30",
                           "Environment": { "DJANGO_SETTINGS_MODULE": "mysite.settings", "SENTRY_DSN": "kept-secret" } },
                  "qcluster": { "App": "left.over:app" },
                  "other": { "Backend": "Waitress", "App": "x.wsgi:application" },
                },
              },
            }
            """);

        var (code, output, error) = await ImportAsync("--out", target, "--merge");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal(target, output.Trim());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(target));
        var root = json.RootElement;
        Assert.Equal("Warning", root.GetProperty("Logging").GetProperty("LogLevel").GetProperty("Microsoft.Hosting.Lifetime").GetString());
        var processes = root.GetProperty("prodserver").GetProperty("processes");
        Assert.Equal("web", root.GetProperty("prodserver").GetProperty("Default").GetString());
        var web = processes.GetProperty("WEB");
        Assert.False(processes.TryGetProperty("web", out _)); // the file's spelling kept: one process, not two
        Assert.Equal("Gunicorn", web.GetProperty("Backend").GetString());
        Assert.False(web.GetProperty("Args").TryGetProperty("Threads", out _)); // waitress's Args replaced whole
        Assert.Equal("00:00:30", web.GetProperty("StopTimeout").GetString());
        Assert.Equal("kept-secret", web.GetProperty("Environment").GetProperty("SENTRY_DSN").GetString());
        // The template's settings module for a project called otherwise: the servers get the settings that were read.
        Assert.Equal("prodsite.settings", web.GetProperty("Environment").GetProperty("DJANGO_SETTINGS_MODULE").GetString());
        Assert.False(processes.GetProperty("qcluster").TryGetProperty("App", out _)); // django-prodserver's process has none
        Assert.Equal("x.wsgi:application", processes.GetProperty("other").GetProperty("App").GetString());
        Assert.Equal(13, processes.EnumerateObject().Count()); // the file's three, and the import's other ten

        Assert.Contains("# appsettings.json: process 'web' was there already: added App, WorkingDirectory; replaced Backend, Environment:DJANGO_SETTINGS_MODULE (the settings read are prodsite.settings), Args; kept StopTimeout, Environment:SENTRY_DSN.", error, StringComparison.Ordinal);
        Assert.Contains("# appsettings.json: process 'qcluster' was there already: added Backend, WorkingDirectory, Environment, Args; removed App (django-prodserver's process has none).", error, StringComparison.Ordinal);
        Assert.DoesNotContain("kept-secret", error, StringComparison.Ordinal); // names, never values

        // What was merged binds and plans: every process dry-runs.
        var (dryCode, _, dryError) = await EntryPoint.RunAsync(_root.Path, null, null, "--all", "--dry-run", "--skip-release");
        Assert.True(dryCode == ExitCodes.Ok, dryError);
    }

    [Fact]
    public async Task What_the_apps_code_declares_for_an_imported_process_and_stays_in_force_over_it_is_named()
    {
        // The template's Startup.cs and appsettings.json, and its README's migration (import … --merge): configuration is
        // laid over the code's declaration key by key, so the code's placeholder Broker stayed in force for the imported
        // worker (it talked to another Redis than the project's CELERY_BROKER_URL) and nothing said so.
        static void Startup(ProdServerBuilder o)
        {
            o.UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Port = 8000, Threads = 4 });
            o.Process("worker").UseCeleryWorker("mysite", w => w with { Broker = "redis://127.0.0.1:6379/0", Concurrency = 2 })
                .Environment("CELERY_TOKEN", "code-secret");
            o.Process("beat").UseCeleryBeat("mysite"); // its App is the import's: nothing of the code's stays
        }

        var target = Path.Combine(_root.Path, "appsettings.json");
        File.Copy(Path.Combine(Repository.Root, "templates", "content", "prodserver", "My-Launcher", "appsettings.json"), target);

        var (code, _, error) = await EntryPoint.RunAsync(_root.Path, Startup, null, ["import", "django-prodserver", "--pythonpath", Site, "--out", target, "--merge"]);

        Assert.True(code == ExitCodes.Ok, error);
        var lines = EntryPoint.Lines(error);
        // The import's concurrency replaces the code's; the Broker and the variable stay, named without their values.
        Assert.Contains("# Process 'worker': Broker, Environment:CELERY_TOKEN, declared for it in the app's code, stay in force over the imported process "
            + "(configuration sets a code value but cannot unset it), and django-prodserver passed none of them: remove them from the code's "
            + "declaration of 'worker' to run it as django-prodserver did.", lines);
        Assert.Contains(lines, l => l.StartsWith("# Process 'web': the app's code declares it with Waitress: Backend Gunicorn (ProdServer:Processes:web:Backend) replaces Waitress, so the Waitress settings given before are dropped: Host, Port, Threads.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("# Process 'beat'", StringComparison.Ordinal) && l.Contains("code", StringComparison.Ordinal));
        Assert.DoesNotContain("code-secret", error, StringComparison.Ordinal);
        Assert.DoesNotContain("6379", error, StringComparison.Ordinal);

        // What the line says is what runs: the code's broker, the import's concurrency.
        var (dryCode, dryRun, dryError) = await EntryPoint.RunAsync(_root.Path, Startup, null, "worker", "--dry-run", "--skip-release");
        Assert.True(dryCode == ExitCodes.Ok, dryError);
        Assert.Contains("--broker=redis://127.0.0.1:6379/0", dryRun, StringComparison.Ordinal);
        Assert.Contains("--concurrency=4", dryRun, StringComparison.Ordinal);

        // An app whose code declares none of the processes hears nothing of it.
        var (plainCode, _, plainError) = await ImportAsync();
        Assert.True(plainCode == ExitCodes.Ok, plainError);
        Assert.DoesNotContain("in the app's code", plainError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_declaration_that_throws_is_one_line_and_the_import_is_still_written()
    {
        // The comparison with the code runs the app's declaration, which may throw (a configure callback returning null):
        // a stack trace from an import that has nothing to do with it would hide its answer.
        var (code, output, error) = await EntryPoint.RunAsync(_root.Path, o => o.Process("worker").UseCeleryWorker("mysite", _ => null!), null, ["import", "django-prodserver", "--pythonpath", Site]);

        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(12, json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject().Count());
        Assert.Contains(EntryPoint.Lines(error), l => l.StartsWith("# The app's code declaration of its processes failed, so what of it stays in force over the imported processes is not known: Process 'worker': the CeleryWorker configure callback returned null", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Merge_keeps_the_files_mode_and_the_spelling_of_what_it_does_not_touch()
    {
        // The file was replaced by a new one with the umask's mode: a 0600 appsettings.json holding a password became
        // 0644, readable by every local user, and "Grüße" or "s3cr&t" came back as \u escapes.
        var target = Path.Combine(_root.Path, "appsettings.json");
        await File.WriteAllTextAsync(target, """
            {
              "ConnectionStrings": { "Default": "Password=s3cr&t+<x>" },
              "Greeting": "Grüße, naïve café"
            }
            """);
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (code, _, error) = await ImportAsync("--out", target, "--merge");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        var merged = await File.ReadAllTextAsync(target);
        Assert.Contains("\"Password=s3cr&t+<x>\"", merged, StringComparison.Ordinal);
        Assert.Contains("\"Grüße, naïve café\"", merged, StringComparison.Ordinal);
        Assert.Contains("\"Processes\"", merged, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ // the template's\n \"Logging\": {} }", "has 1 comment(s), which a merge cannot keep; nothing was written")]
    [InlineData("{ \"ProdServer\": { \"Processes\": \"invalid\" } }", "Processes is a string, not an object; nothing was written")]
    [InlineData("{ \"ProdServer\": { \"Processes\": { \"web\": [1] } } }", "ProdServer:Processes:web is an array, not a process object; nothing was written")]
    [InlineData("[]", "not a JSON object; nothing was written")]
    [InlineData("{ \"Logging\": ", "appsettings.json:1:")]
    // A key twice in one object: JsonNode refused it only when the merge reached it, and the ArgumentException was
    // reported as "--out is not a valid path", exit 2. Keys are compared ignoring case, as configuration reads them.
    [InlineData("{\n  \"ProdServer\": { \"Processes\": { \"web\": { \"Backend\": \"Waitress\" },\n    \"web\": { \"Backend\": \"Gunicorn\" } } }\n}\n", "appsettings.json:3: the key 'ProdServer:Processes:web' is there twice")]
    [InlineData("{\"a\":1,\"a\":2}", "appsettings.json:1: the key 'a' is there twice")]
    [InlineData("{ \"ProdServer\": { \"Processes\": { \"Web\": {}, \"web\": {} } } }", "appsettings.json:1: the key 'ProdServer:Processes:web' is there twice (as 'Web' and 'web')")]
    [InlineData("{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\", \"Default\": \"Error\" } } }", "the key 'Logging:LogLevel:Default' is there twice")]
    public async Task Merge_refuses_a_file_it_cannot_merge_into_and_leaves_it_as_it_was(string content, string said)
    {
        // Not the content root's own appsettings.json, which the host would refuse to load before the import runs.
        var target = Path.Combine(_root.CreateDirectory("site"), "appsettings.json");
        await File.WriteAllTextAsync(target, content);

        var (code, _, error) = await ImportAsync("--out", target, "--merge");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains(said, Assert.Single(EntryPoint.Lines(error)), StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(target));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\", \"default\": \"Error\" } } }")]
    public void A_value_given_twice_is_what_configuration_itself_refuses_to_load(string content)
    {
        // Why the merge refuses a key twice rather than keep it: the app could not load the merged file anyway.
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        Assert.Throws<FormatException>(() => new ConfigurationBuilder().AddJsonStream(stream).Build());
    }

    [Theory]
    [InlineData("--merge")]
    [InlineData("--merge", "--out", "a.json", "--csharp")]
    [InlineData("--merge", "--out", "a.json", "--force")]
    public async Task Merge_without_a_json_file_to_merge_into_is_a_usage_error(params string[] options)
    {
        var (code, _, error) = await ImportAsync(options);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--merge writes into the appsettings.json given with --out", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root.Path, "a.json")));
    }

    [Fact]
    public async Task Force_without_a_file_to_overwrite_is_a_usage_error()
    {
        var (code, output, error) = await ImportAsync("--force");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("import: --force overwrites the file given with --out; without --out the result goes to standard output.", Assert.Single(EntryPoint.Lines(error)));
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_settings_module_that_fails_to_import_is_one_line_naming_it_and_exit_1()
    {
        var (code, output, error) = await ImportAsync("--settings", "prodsite.no_such_settings");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Empty(output);
        var line = Assert.Single(EntryPoint.Lines(error));
        Assert.StartsWith("import: the settings module 'prodsite.no_such_settings' (--settings)", line, StringComparison.Ordinal);
        Assert.Contains("ModuleNotFoundError", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_process_serves_the_settings_application_as_django_prodserver_does_whatever_its_APP_says()
    {
        // django-prodserver's web backends never read APP; imported verbatim, a dotted APP made gunicorn fail every start.
        var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_app");

        Assert.True(code == ExitCodes.InvalidConfiguration, error); // the 'twice' pair below is not imported
        using var json = JsonDocument.Parse(output);
        var processes = json.RootElement.GetProperty("ProdServer").GetProperty("Processes");
        string App(string process) => processes.GetProperty(process).GetProperty("App").GetString()!;
        Assert.Equal("prodsite.wsgi:application", App("web"));
        Assert.Equal("prodsite.wsgi:application", App("other"));
        Assert.Contains("Process 'other': App 'prodsite.wsgi:application' is WSGI_APPLICATION 'prodsite.wsgi.application' from the settings, as django-prodserver serves it; its APP 'elsewhere.wsgi:app' is left out: django-prodserver ignores APP for Waitress.", error, StringComparison.Ordinal);
        // No ASGI_APPLICATION to serve: APP, as a module:object target.
        Assert.Equal("prodsite.asgi:application", App("asgi"));
        Assert.Contains("Process 'asgi': App is APP 'prodsite.asgi.application' as 'prodsite.asgi:application': the settings have no ASGI_APPLICATION", error, StringComparison.Ordinal);
        Assert.Equal("prodsite.celery.app", App("worker")); // celery -A takes the import string itself

        // Spellings the servers take, refused as "not an option" before: celery's --events alias, uvicorn's --interface
        // where it agrees with the Backend (which writes nothing for it: uvicorn detects ASGI 3 itself).
        Assert.DoesNotContain("not imported: Process 'asgi'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not imported: Process 'worker'", error, StringComparison.Ordinal);
        Assert.True(processes.GetProperty("worker").GetProperty("Args").GetProperty("TaskEvents").GetBoolean());

        // Two spellings of one flag are refused as not imported, and so neither is written (one was, whatever the order).
        Assert.Contains("not imported: Process 'twice': ProdServer:Processes:twice:Args: 'loglevel' and 'log-level' both set LogLevel", error, StringComparison.Ordinal);
        Assert.False(processes.GetProperty("twice").GetProperty("Args").TryGetProperty("LogLevel", out _));
        Assert.Equal("127.0.0.1:8123", processes.GetProperty("twice").GetProperty("Args").GetProperty("Bind")[0].GetString());
    }

    [Fact]
    public async Task Values_the_settings_computed_from_the_environment_are_named_with_the_variable_that_keeps_them_per_machine()
    {
        // django-prodserver read PORT at every start; the import froze the value this shell had, and said nothing.
        using var variables = DryRunner.WithVariables(
            ["PSC_IMPORT_CONCURRENCY"], new Dictionary<string, string> { ["PSC_IMPORT_PORT"] = "18570", ["PSC_IMPORT_API_KEY"] = "s3cr3t-value" });

        var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_environ");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("\"127.0.0.1:18570\"", output, StringComparison.Ordinal);
        Assert.Contains("Process 'web': Args:bind '127.0.0.1:18570' holds the value of $PSC_IMPORT_PORT as this shell had it when the settings were read; "
            + "it is not read again at each start, as django-prodserver read it: to set it per machine, set ProdServer__Processes__web__Args__bind in the service's environment.", error, StringComparison.Ordinal);
        Assert.Contains("Process 'web': Args:env holds the value of $PSC_IMPORT_API_KEY, a secret the settings read from the environment: it is written into the file in clear.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", error, StringComparison.Ordinal);
        // Unset, so its default was taken: still said, since a machine that sets it would get another value.
        Assert.Contains("The settings read $PSC_IMPORT_CONCURRENCY from the environment", error, StringComparison.Ordinal);
        Assert.DoesNotContain("$PATH", error, StringComparison.Ordinal); // the settings copied the environment whole: no read of each
    }

    [Fact]
    public async Task Settings_with_django_prodservers_first_setting_name_are_told_how_to_rename_it()
    {
        var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_legacy");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Empty(output);
        Assert.StartsWith("import: the settings module 'prodsite.settings_legacy' has PROD_SERVERS, django-prodserver 0.0.1's name", Assert.Single(EntryPoint.Lines(error)), StringComparison.Ordinal);
        Assert.Contains("rename it to PRODUCTION_PROCESSES", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_without_manage_py_or_settings_asks_for_settings()
    {
        var (code, _, error) = await EntryPoint.RunAsync(_root.Path, null, null, "import", "django-prodserver");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("no settings module", error, StringComparison.Ordinal);
        Assert.Contains("give --settings MODULE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_from_anything_but_django_prodserver_is_a_usage_error()
    {
        var (code, _, error) = await EntryPoint.RunAsync(_root.Path, null, null, "import", "procfile");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("django-prodserver", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_that_never_finish_importing_are_stopped_after_the_timeout_and_Python_is_killed()
    {
        var pidFile = Path.Combine(_root.Path, "python.pid");
        using var variables = DryRunner.WithVariables([], new Dictionary<string, string> { ["PRODSERVER_TEST_PIDFILE"] = pidFile });
        var saved = BoundedPythonRun.Timeout;
        BoundedPythonRun.Timeout = TimeSpan.FromSeconds(3);
        try
        {
            var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_slow");

            Assert.Equal(ExitCodes.InvalidConfiguration, code);
            Assert.Empty(output);
            Assert.Contains("reading the settings took longer than 3 s; stopped", error, StringComparison.Ordinal);
            using var python = System.Diagnostics.Process.GetProcessById(int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(python.WaitForExit(10_000), "the settings' Python was left running");
        }
        catch (ArgumentException)
        {
            // GetProcessById: the process is gone already, as it should be.
        }
        finally
        {
            BoundedPythonRun.Timeout = saved;
        }
    }

    [Fact]
    public async Task An_answer_larger_than_the_bound_is_refused_not_read_whole()
    {
        // The reader counts the values as it reads them and names the one that passes the bound.
        var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_huge");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Empty(output);
        Assert.EndsWith(": PRODUCTION_PROCESSES['web']['ARGS']['ident'] is larger than the import reads (4 MiB as JSON, shared references counted each time); stopped while reading it, nothing was imported.", Assert.Single(EntryPoint.Lines(error)), StringComparison.Ordinal);

        // Behind it, the run itself reads no more than the bound of whatever Python writes.
        var refused = await Assert.ThrowsAsync<DjangoSettingsException>(() => BoundedPythonRun.RunAsync(
            "/usr/bin/python3", "import sys; sys.stdout.write('x' * 6_000_000)", [], _root.Path, CancellationToken.None));
        Assert.Equal($"Python printed more than {BoundedPythonRun.MaxOutput} characters while the settings were read; stopped.", refused.Message);
    }

    [Theory]
    [InlineData("prodsite.settings_shared", "PRODUCTION_PROCESSES['web']['ARGS']['x']")]
    [InlineData("prodsite.settings_repeated", "PRODUCTION_PROCESSES['worker']['ARGS']['queues']")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_value_larger_than_the_answer_may_be_is_named_and_stopped_while_read_not_after(string settings, string key)
    {
        // Shared references were expanded whole before the answer's bound applied: Python grew past 1.4 GB in seconds, and
        // the import failed with "MemoryError" as if the settings had not imported.
        var (code, output, error) = await ImportAsync("--settings", settings, "--python", await LimitedPythonAsync());

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Empty(output);
        var line = Assert.Single(EntryPoint.Lines(error));
        Assert.StartsWith($"import: the settings module '{settings}' (--settings) in ", line, StringComparison.Ordinal);
        Assert.EndsWith($": {key} is larger than the import reads (4 MiB as JSON, shared references counted each time); stopped while reading it, nothing was imported.", line, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_value_json_cannot_hold_is_shown_by_a_bounded_repr()
    {
        // repr() of a deque of nested shared tuples expanded them as the answer once did lists (MemoryError).
        var (code, _, error) = await ImportAsync("--settings", "prodsite.settings_deque", "--python", await LimitedPythonAsync());

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains(EntryPoint.Lines(error), l => l.StartsWith("not imported: Process 'web': ARGS key 'forwarded-allow-ips' is deque([((((...), (...), ", StringComparison.Ordinal));
    }

    // Python with 200 MB of address space (the settings take 30): a reader that expands shared references fails a test
    // with MemoryError in a second instead of taking the machine's memory.
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private async Task<string> LimitedPythonAsync()
    {
        var python = Path.Combine(_root.Path, "python-limited");
        await File.WriteAllTextAsync(python, "#!/bin/sh\nulimit -v 200000\nexec /usr/bin/python3 \"$@\"\n");
        File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return python;
    }

    [Fact]
    public async Task Settings_that_print_on_stdout_and_flood_stderr_still_import()
    {
        var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_noisy");

        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(12, json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject().Count());
        Assert.Equal("prodsite.settings_noisy", json.RootElement.GetProperty("ProdServer").GetProperty("Processes").GetProperty("web")
            .GetProperty("Environment").GetProperty("DJANGO_SETTINGS_MODULE").GetString());

        // What they printed is passed on (it was dropped when the import succeeded), bounded, with the rest counted.
        var lines = EntryPoint.Lines(error).ToList();
        var printed = lines.FindIndex(l => l == "# The settings printed while being read:");
        Assert.True(printed >= 0, error);
        Assert.Equal(20, lines.Skip(printed + 1).TakeWhile(l => l.StartsWith("#   ", StringComparison.Ordinal) && !l.StartsWith("#   …", StringComparison.Ordinal)).Count());
        Assert.Contains(lines, l => l.StartsWith("#   noise on stdout noise on stdout", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("#   … ", StringComparison.Ordinal) && l.EndsWith("more line(s) not shown (only the first 16 KiB was kept).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_the_settings_print_at_the_os_level_goes_to_stderr_and_the_answer_stays_whole()
    {
        // os.system("echo …") wrote on fd 1, the answer's pipe: "Python exited 0 without an answer".
        var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_shell");

        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(12, json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject().Count());
        var lines = EntryPoint.Lines(error);
        Assert.Contains("# The settings printed while being read:", lines);
        Assert.Contains("#   build-1234", lines);
    }

    [Fact]
    public async Task Helpers_the_settings_leave_running_are_stopped_once_python_has_exited_and_said()
    {
        // A helper holding the output pipes made the import wait for it (60 s, then "took longer than 60 s", blaming the
        // settings), and both helpers were left running.
        var pidFile = Path.Combine(_root.Path, "helpers.pid");
        using var variables = DryRunner.WithVariables([], new Dictionary<string, string> { ["PRODSERVER_TEST_PIDFILE"] = pidFile });
        var saved = BoundedPythonRun.Timeout;
        BoundedPythonRun.Timeout = TimeSpan.FromSeconds(20); // the old code waited this long; the settings take a second
        var helpers = new List<int>();
        try
        {
            var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_helper");
            helpers.AddRange((await File.ReadAllTextAsync(pidFile)).Split(' ').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)));

            Assert.True(code == ExitCodes.Ok, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(12, json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject().Count());
            var lines = EntryPoint.Lines(error);
            Assert.Contains($"# The settings left a process running once they had been read; it was stopped (an import leaves nothing running): pid {helpers[0]} 'sleep 300'.", lines);
            Assert.Contains($"# The settings left a process running once they had been read; it was stopped (an import leaves nothing running): pid {helpers[1]} 'sleep 301'.", lines);
            Assert.All(helpers, pid => Assert.False(ProcessLiveness.Running(pid), $"helper {pid} was left running"));
        }
        finally
        {
            BoundedPythonRun.Timeout = saved;
            foreach (var pid in helpers.Where(ProcessLiveness.Running))
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(); // the old code left them
            }
        }
    }

    [Fact]
    public async Task A_helper_that_cleared_its_environment_and_holds_stderr_is_found_by_the_pipe_and_stopped()
    {
        var pidFile = Path.Combine(_root.Path, "untracked.pid");
        using var variables = DryRunner.WithVariables([], new Dictionary<string, string> { ["PRODSERVER_TEST_PIDFILE"] = pidFile });
        var saved = BoundedPythonRun.Timeout;
        BoundedPythonRun.Timeout = TimeSpan.FromSeconds(20);
        var helper = 0;
        try
        {
            var (code, output, error) = await ImportAsync("--settings", "prodsite.settings_untracked");
            helper = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);

            Assert.True(code == ExitCodes.Ok, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(12, json.RootElement.GetProperty("ProdServer").GetProperty("Processes").EnumerateObject().Count());
            Assert.Contains($"# The settings left a process running once they had been read; it was stopped (an import leaves nothing running): pid {helper} 'sleep 302'.", EntryPoint.Lines(error));
            Assert.False(ProcessLiveness.Running(helper), $"helper {helper} was left running");
            Assert.Contains("#   untracked helper started", EntryPoint.Lines(error)); // what they printed is shown again
        }
        finally
        {
            BoundedPythonRun.Timeout = saved;
            if (helper > 0 && ProcessLiveness.Running(helper))
            {
                System.Diagnostics.Process.GetProcessById(helper).Kill();
            }
        }
    }

    [Fact]
    public async Task Server_flags_after_double_dash_are_a_usage_error_for_import()
    {
        var (code, _, error) = await ImportAsync("--", "--threads=4");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("import takes no server flags after --", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, List<string>> DjangoProdserverArgv()
    {
        var run = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(BoundedPythonRun.DefaultInterpreter, [Path.Combine(Site, "django_prodserver_argv.py")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = run.StandardOutput.ReadToEnd();
        Assert.True(run.WaitForExit(60_000) && run.ExitCode == 0, run.StandardError.ReadToEnd());
        return JsonSerializer.Deserialize<Dictionary<string, List<string>>>(text)!;
    }

    private static IEnumerable<string> Normalized(IEnumerable<string> argv) => argv
        .Select(a => a.EndsWith("=True", StringComparison.Ordinal) ? a[..^5] : a)
        .Where(a => !a.StartsWith("--no-", StringComparison.Ordinal) && !a.EndsWith("=False", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal);
}
