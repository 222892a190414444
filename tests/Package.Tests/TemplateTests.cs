using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using ProdServer.Config.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ProdServer.Config.Package.Tests;

/// <summary>
/// <c>dotnet new prodserver</c> from the packed template package, installed into a hive of the test's own (the
/// machine's templates are untouched): every option combination instantiated, one app per backend its generated solution built and
/// tested and the app dry-run, and the Waitress app serving the Quickstart sample's Django site. Slow: eight project builds.
/// </summary>
[Collection(PackedFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed class TemplateTests(PackedFeed feed, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly string[] Backends = ["waitress", "gunicorn", "uvicorn", "granian"];

    private static readonly Dictionary<string, string> UseCall = new()
    {
        ["waitress"] = "o.UseWaitress(\"shop.wsgi:application\"",
        ["gunicorn"] = "o.UseGunicorn(\"shop.wsgi:application\"",
        ["uvicorn"] = "o.UseUvicorn(\"shop.asgi:application\"",
        ["granian"] = "o.UseGranian(\"shop.asgi:application\"",
    };

    // What each backend's --dry-run command line contains, beside the app target.
    private static readonly Dictionary<string, string> DryRunCommand = new()
    {
        ["waitress"] = "waitress-serve",
        ["gunicorn"] = "--bind=127.0.0.1:8000",
        ["uvicorn"] = "-m uvicorn",
        ["granian"] = "--interface=asgi",
    };

    [Fact]
    public void Every_option_combination_instantiates_with_only_the_chosen_parts()
    {
        feed.AssertPacked();
        var hive = Install();
        foreach (var backend in Backends)
        {
            foreach (var celery in new[] { false, true })
            {
                var name = $"Shop{backend}{(celery ? "Celery" : string.Empty)}";
                var site = New(hive, name, "--backend", backend, "--celery", celery ? "true" : "false", "--django-project", "shop");

                var startup = File.ReadAllText(Path.Combine(site, name, "Startup.cs"));
                Assert.Contains(UseCall[backend], startup, StringComparison.Ordinal);
                Assert.Equal(celery, startup.Contains("UseCeleryWorker(\"shop\"", StringComparison.Ordinal));
                Assert.Equal(celery, File.ReadAllText(Path.Combine(site, name + ".Tests", "SetupTests.cs")).Contains("The_celery_worker", StringComparison.Ordinal));
                Assert.Contains($"namespace {name};", startup, StringComparison.Ordinal);
                Assert.Contains($"Version=\"{feed.Version}\"", File.ReadAllText(Path.Combine(site, name, name + ".csproj")), StringComparison.Ordinal);
                Assert.Contains("shop.settings", File.ReadAllText(Path.Combine(site, name, "appsettings.json")), StringComparison.Ordinal);
                Assert.Equal(celery, File.ReadAllText(Path.Combine(site, "README.md")).Contains("shop/celery.py", StringComparison.Ordinal));
                foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
                {
                    var text = File.ReadAllText(file);
                    Assert.DoesNotContain("#if", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("#endif", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("mysite", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("PRODSERVER_VERSION", text, StringComparison.Ordinal);
                }
            }
        }

        // A name that is no C# identifier: the files, the solution and the project reference keep it, the namespace is made
        // safe (before, the solution and the reference named My_Shop/My_Shop.csproj, which does not exist, so nothing built).
        foreach (var (odd, safe) in new[] { ("My-Shop", "My_Shop"), ("1shop", "_1shop") })
        {
            var site = New(hive, odd);
            Assert.Contains($"<Project Path=\"{odd}/{odd}.csproj\" />", File.ReadAllText(Path.Combine(site, odd + ".slnx")), StringComparison.Ordinal);
            Assert.Contains($"<Project Path=\"{odd}.Tests/{odd}.Tests.csproj\" />", File.ReadAllText(Path.Combine(site, odd + ".slnx")), StringComparison.Ordinal);
            Assert.Contains($"Include=\"..\\{odd}\\{odd}.csproj\"", File.ReadAllText(Path.Combine(site, odd + ".Tests", odd + ".Tests.csproj")), StringComparison.Ordinal);
            Assert.Contains($"namespace {safe};", File.ReadAllText(Path.Combine(site, odd, "Startup.cs")), StringComparison.Ordinal);
            Assert.Contains($"using {safe};", File.ReadAllText(Path.Combine(site, odd, "Program.cs")), StringComparison.Ordinal);
            Assert.Contains($"namespace {safe}.Tests;", File.ReadAllText(Path.Combine(site, odd + ".Tests", "SetupTests.cs")), StringComparison.Ordinal);
            Assert.Contains($"`dotnet run --project {odd}/{odd} -- web`", File.ReadAllText(Path.Combine(site, "README.md")), StringComparison.Ordinal);
        }

        // The default Django project keeps its name whatever the app is called.
        var plain = New(hive, "Plain");
        Assert.Contains("o.UseWaitress(\"mysite.wsgi:application\"", File.ReadAllText(Path.Combine(plain, "Plain", "Startup.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_version_of_the_package_referenced_is_the_version_this_repository_packs()
    {
        var template = File.ReadAllText(Path.Combine(Repository.Root, "templates", "content", "prodserver", ".template.config", "template.json"));
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;

        Assert.Contains($"\"defaultValue\": \"{version}\"", template, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_backends_solution_passes_its_own_tests_and_dry_runs_and_the_waitress_app_serves_the_sample_Django_site()
    {
        feed.AssertPacked();
        var hive = Install();
        foreach (var backend in Backends)
        {
            // One name that is no C# identifier: its solution must build and test too.
            var name = backend == "gunicorn" ? "Site-Gunicorn" : "Site" + char.ToUpperInvariant(backend[0]) + backend[1..];
            var site = New(hive, name, "--backend", backend, "--celery", "true");
            feed.WriteNuGetConfig(site);
            var app = Path.Combine(site, name);
            // The whole generated solution: the app and its tests, which must pass.
            var test = Dotnet.Run(output, site, Timeout, null, "test", "-nodeReuse:false");
            Assert.True(test.ExitCode == 0, $"dotnet test of the generated {backend} solution failed:\n" + test.Output);
            SetupTestsPassWithTheReadmesPythonSetting(site, name, backend);

            var program = Path.Combine(app, "bin", "Debug", "net10.0", name + ".dll");
            var dryRun = Dotnet.Run(output, app, Timeout, null, program, "web", "worker", "--dry-run");
            Assert.True(dryRun.ExitCode == 0, $"--dry-run ({backend}) failed:\n" + dryRun.Output);
            Assert.Contains(DryRunCommand[backend], dryRun.Output, StringComparison.Ordinal);
            Assert.Contains("-m celery --app=mysite ", dryRun.Output, StringComparison.Ordinal);

            if (backend == "waitress")
            {
                await ServesTheSampleSite(program);
                CeleryAppAsItsReadmeSaysPassesTheCheck(site, program);
                MistakesInAppSettingsAreWarnedAtTheirLinesByTheBuild(app);
                DeploysAsItsReadmeSays(site, name);
            }
        }
    }

    // The README's second step: with "Python" (or "Venv") set on the process, the server runs from that interpreter, so the
    // program started changes (waitress-serve becomes /usr/bin/python3 running waitress); the generated tests still pass.
    // Run on the built tests with their appsettings.json changed as the README says, without building again.
    private void SetupTestsPassWithTheReadmesPythonSetting(string site, string name, string backend)
    {
        var readme = File.ReadAllText(Path.Combine(site, "README.md"));
        Assert.Contains("set `\"Python\": \"/usr/bin/python3\"`", readme, StringComparison.Ordinal);
        var tests = Path.Combine(site, name + ".Tests");
        var settings = Path.Combine(tests, "bin", "Debug", "net10.0", "appsettings.json");
        var original = File.ReadAllText(settings);
        var json = System.Text.Json.Nodes.JsonNode.Parse(original)!;
        json["ProdServer"]!["Processes"]!["web"]!["Python"] = "/usr/bin/python3";
        File.WriteAllText(settings, json.ToJsonString());
        try
        {
            var test = Dotnet.Run(output, tests, Timeout, null, "test", "--no-build");
            Assert.True(test.ExitCode == 0, $"the generated {backend} tests failed with the README's Python setting:\n" + test.Output);
        }
        finally
        {
            File.WriteAllText(settings, original);
        }
    }

    // The README's Celery step, as written there, in a project from django-admin startproject: --check then loads the app
    // and its task modules (Debian's celery, no broker running).
    private void CeleryAppAsItsReadmeSaysPassesTheCheck(string site, string program)
    {
        var project = Directory.CreateDirectory(Path.Combine(site, "django")).FullName;
        var startProject = Dotnet.RunProgram(output, project, Timeout, null, "/usr/bin/python3", "-m", "django", "startproject", "mysite", ".");
        Assert.True(startProject.ExitCode == 0, startProject.Output);
        var readme = File.ReadAllText(Path.Combine(site, "README.md"));
        var snippet = System.Text.RegularExpressions.Regex.Match(readme, "```python\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        File.WriteAllText(Path.Combine(project, "mysite", "celery.py"), string.Join('\n', snippet.Split('\n').Select(l => l.TrimStart())));
        Assert.Contains("`from .celery import app as celery_app` in `mysite/__init__.py`", readme, StringComparison.Ordinal);
        File.AppendAllText(Path.Combine(project, "mysite", "__init__.py"), "from .celery import app as celery_app\n");

        var environment = new Dictionary<string, string>
        {
            ["ProdServer__Processes__worker__Python"] = "/usr/bin/python3",
            ["ProdServer__Processes__worker__WorkingDirectory"] = project,
        };
        var check = Dotnet.Run(output, site, Timeout, environment, program, "worker", "--check");
        Assert.True(check.ExitCode == 0, "--check of the README's celery app failed:\n" + check.Output);
        Assert.Contains("--app=mysite --broker=redis://127.0.0.1:6379/0 prodserver-check passed", check.Output, StringComparison.Ordinal);
    }

    // The issue's last step, on the same generated app: a misspelled backend and an unknown server option in
    // appsettings.json are build warnings at their lines (PSC0106, PSC0108), before anything runs.
    private void MistakesInAppSettingsAreWarnedAtTheirLinesByTheBuild(string app)
    {
        var path = Path.Combine(app, "appsettings.json");
        var original = File.ReadAllText(path);
        File.WriteAllText(path, """
            {
              "ProdServer": {
                "Processes": {
                  "web": {
                    "Backend": "Waitres",
                    "Environment": { "DJANGO_SETTINGS_MODULE": "mysite.settings" }
                  },
                  "api": {
                    "Backend": "Waitress",
                    "App": "mysite.wsgi:application",
                    "Args": { "Threds": 8 }
                  }
                }
              }
            }
            """);
        try
        {
            var build = Dotnet.Run(output, app, Timeout, null, "build", "-nodeReuse:false", "--no-incremental");
            Assert.Matches(@"appsettings\.json\(5,\d+\): warning PSC0106", build.Output);
            Assert.Matches(@"appsettings\.json\(11,\d+\): warning PSC0108", build.Output);
        }
        finally
        {
            File.WriteAllText(path, original);
        }
    }

    // The README's deploy step, as written there: the Debug build's export is refused, the published app's is written,
    // and systemd accepts its units.
    // Run, as the README says, from the directory that holds the generated folder (the Django project's).
    private void DeploysAsItsReadmeSays(string site, string name)
    {
        var readme = File.ReadAllText(Path.Combine(site, "README.md"));
        Assert.Contains($"`dotnet publish {name}/{name} -c Release -o publish`, then `publish/{name} export systemd --out deploy/systemd`", readme, StringComparison.Ordinal);
        var project = Path.GetDirectoryName(site)!;

        var debug = Dotnet.Run(output, project, Timeout, null, "run", "--project", $"{name}/{name}", "--", "export", "systemd", "--out", "deploy/systemd");
        Assert.Equal(1, debug.ExitCode);
        Assert.Contains("is a Debug build; publish the app", debug.Output, StringComparison.Ordinal);

        var publish = Dotnet.Run(output, project, Timeout, null, "publish", $"{name}/{name}", "-c", "Release", "-o", "publish", "-nodeReuse:false");
        Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + publish.Output);
        var export = Dotnet.RunProgram(output, project, Timeout, null, Path.Combine(project, "publish", name), "export", "systemd", "--out", "deploy/systemd");
        Assert.True(export.ExitCode == 0, "export from the published app failed:\n" + export.Output);
        var unit = Path.Combine(project, "deploy", "systemd", $"{name}-web.service");
        Assert.Contains($"ExecStart=\"{Path.Combine(project, "publish", name)}\" \"web\"", File.ReadAllText(unit), StringComparison.Ordinal);
        Assert.Contains($"WorkingDirectory={project}", File.ReadAllText(unit), StringComparison.Ordinal); // where manage.py is

        var verify = Dotnet.RunProgram(output, site, Timeout, null, "systemd-analyze", "verify", unit);
        Assert.True(verify.ExitCode == 0, "systemd-analyze verify refused the unit:\n" + verify.Output);
    }

    // Started in the sample's Django project (the servers' working directory defaults to the current directory), on a
    // free port given on the command line; stopped with SIGTERM as a service manager would.
    private async Task ServesTheSampleSite(string program)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Repository.Root, "samples", "Quickstart", "app"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { program, "web", $"--ProdServer:Processes:web:Args:Port={port}" })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new System.Text.StringBuilder();
        using var server = new Process { StartInfo = start };
        server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var answer = await GetWhenServing(client, $"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(60), server);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET / answered {answer.StatusCode}:\n{log}");
            Assert.Contains("Hello from Django", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!server.HasExited)
            {
                using var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
                if (!server.WaitForExit(TimeSpan.FromSeconds(30)))
                {
                    server.Kill(entireProcessTree: true);
                }
            }

            lock (log)
            {
                output.WriteLine(log.ToString());
            }
        }
    }

    private static async Task<HttpResponseMessage> GetWhenServing(HttpClient client, string url, TimeSpan timeout, Process server)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await client.GetAsync(url);
            }
            catch (HttpRequestException) when (clock.Elapsed < timeout && !server.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The template package installed into a hive of its own, so that the machine's `dotnet new` stays as it was.
    private string Install()
    {
        var hive = Path.Combine(feed.Root, "hive-" + Guid.NewGuid().ToString("N"));
        var install = Dotnet.Run(output, feed.Root, Timeout, null,
            "new", "install", feed.Package("ProdServer.Config.Templates"), "--debug:custom-hive", hive);
        Assert.True(install.ExitCode == 0, "dotnet new install failed:\n" + install.Output);
        return hive;
    }

    private string New(string hive, string name, params string[] options)
    {
        var parent = Directory.CreateDirectory(Path.Combine(feed.Root, "sites-" + Guid.NewGuid().ToString("N"))).FullName;
        var created = Dotnet.Run(output, parent, Timeout, null,
            ["new", "prodserver", "-n", name, "--prodserver-version", feed.Version, .. options, "--debug:custom-hive", hive]);
        Assert.True(created.ExitCode == 0, "dotnet new prodserver failed:\n" + created.Output);
        return Path.Combine(parent, name);
    }
}
