using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Issue 13: export never writes through a symbolic link, never replaces a file silently, writes each file whole, and
/// turns a bad <c>--out</c> into one line and an exit code rather than a stack trace.
/// </summary>
public sealed class ExportWriterSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("psc-export-writer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ProcessDefinition Web() =>
        new("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "0.0.0.0", Port = 8000 } };

    private async Task<(int Code, string Output, string Error)> ExportAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var commandLine = ProdServerCommandLine.Parse(["export", .. args]);
        Assert.Empty(commandLine.Errors);
        var code = await new ExportCommand().RunAsync(commandLine, [Web()], [], _directory, "Production", output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_symlink_named_like_an_output_file_is_refused_and_its_target_left_alone()
    {
        var victim = Path.Combine(_directory, "victim");
        File.WriteAllText(victim, "precious\n");
        var output = Directory.CreateDirectory(Path.Combine(_directory, "out")).FullName;
        File.CreateSymbolicLink(Path.Combine(output, "Procfile"), victim);

        var (code, _, error) = await ExportAsync("procfile", "--out", output, "--exec", "/srv/shop/shop", "--force");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal($"export: '{output}/Procfile' is a symbolic link; nothing was written through it: remove it or choose another --out.\n", error);
        Assert.Equal("precious\n", File.ReadAllText(victim));
    }

    [Fact]
    public async Task Existing_files_are_named_and_kept_unless_force_is_given()
    {
        var output = Path.Combine(_directory, "out");
        Assert.Equal(0, (await ExportAsync("systemd", "--out", output, "--exec", "/srv/shop/shop")).Code);
        File.WriteAllText(Path.Combine(output, "shop-web.service"), "edited by hand\n");

        var (code, _, error) = await ExportAsync("systemd", "--out", output, "--exec", "/srv/shop/shop");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal($"export: '{output}/shop-web.service', '{output}/shop.target' already exist; nothing was written: give --force to replace them.\n", error);
        Assert.Equal("edited by hand\n", File.ReadAllText(Path.Combine(output, "shop-web.service")));

        Assert.Equal(0, (await ExportAsync("systemd", "--out", output, "--exec", "/srv/shop/shop", "--force")).Code);
        Assert.StartsWith("[Unit]\n", File.ReadAllText(Path.Combine(output, "shop-web.service")), StringComparison.Ordinal);
        // Written through a temporary file and a rename: none is left behind.
        Assert.Equal(["shop-web.service", "shop.target"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Out_pointing_at_a_file_is_one_line_and_exit_1()
    {
        var file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, "");

        var (code, _, error) = await ExportAsync("procfile", "--out", file, "--exec", "/srv/shop/shop");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal($"export: --out '{file}' is a file, not a directory.\n", error);
    }

    [Fact]
    public async Task Out_that_cannot_be_created_is_one_line_and_exit_1()
    {
        var (code, _, error) = await ExportAsync("procfile", "--out", "/proc/self/no-such-dir/out", "--exec", "/srv/shop/shop");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.StartsWith("export: --out '/proc/self/no-such-dir/out' cannot be created: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task The_written_paths_are_listed_with_control_characters_escaped()
    {
        var output = Path.Combine(_directory, "out\u001b[2J");

        var (code, listing, error) = await ExportAsync("procfile", "--out", output, "--exec", "/srv/shop/shop");

        Assert.True(code == 0, error);
        Assert.Equal($"{_directory}/out\\x1b[2J/Procfile\n", listing);
        Assert.True(File.Exists(Path.Combine(output, "Procfile")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_out_is_a_usage_error(string output)
    {
        var (code, _, error) = await ExportAsync("procfile", "--out", output, "--exec", "/srv/shop/shop");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("export needs --out DIR: the directory the files are written to.\n", error);
    }

    [Fact]
    public async Task A_debug_build_is_refused_naming_exec_and_a_published_path_is_taken()
    {
        // The tests run from bin/Debug, as a developer's `dotnet run` does.
        var (code, _, error) = await ExportAsync("systemd", "--out", Path.Combine(_directory, "out"));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("is a Debug build; publish the app (dotnet publish -c Release) and export from there, or give --exec PATH", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "out")));

        Assert.Equal(0, (await ExportAsync("systemd", "--out", Path.Combine(_directory, "out"), "--exec", "/srv/shop/shop")).Code);
        Assert.Contains("ExecStart=\"/srv/shop/shop\" \"web\"\n", File.ReadAllText(Path.Combine(_directory, "out", "shop-web.service")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_dll_given_to_exec_runs_under_the_dotnet_host()
    {
        var (code, _, error) = await ExportAsync("procfile", "--out", _directory, "--exec", "/srv/shop/shop.dll");

        Assert.True(code == 0, error);
        Assert.Matches(@"\Aweb: /\S*dotnet /srv/shop/shop\.dll web\n\z", File.ReadAllText(Path.Combine(_directory, "Procfile")));
    }

    [Theory]
    [InlineData("bin/Debug/net10.0/app", true)]
    [InlineData("/src/app/bin/debug/net10.0/app.dll", true)]
    [InlineData("/srv/app/bin/Release/net10.0/publish/app", false)]
    [InlineData("/srv/Debug/app", false)]
    public void Debug_builds_are_recognised_by_their_bin_Debug_directory(string path, bool debug) =>
        Assert.Equal(debug, PublishedExecutable.IsDebugBuild(path));

    [Fact]
    public async Task Env_files_given_to_export_reach_every_target_as_the_apps_own_env_file_and_their_values_are_never_written()
    {
        var envFile = Path.Combine(_directory, "secrets.env");
        File.WriteAllText(envFile, "DJANGO_SECRET_KEY=hunter2-secret\n");
        foreach (var target in new[] { "systemd", "supervisord", "compose", "procfile", "kubernetes" })
        {
            var output = Path.Combine(_directory, target);
            var (code, _, error) = await ExportAsync(target, "--out", output, "--exec", "/srv/shop/shop", "--image", "shop:1.0", "--env-file", "secrets.env");

            Assert.True(code == 0, error);
            var text = string.Concat(Directory.GetFiles(output).Select(File.ReadAllText));
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.Contains(target switch
            {
                // One meaning everywhere: the app's own parser reads the file, its values only reach the servers.
                "systemd" => $"ExecStart=\"/srv/shop/shop\" \"--env-file\" \"{envFile}\" \"web\"\n",
                "supervisord" => $"--env-file {envFile} web\n",
                "compose" => $"command: [\"--env-file\", \"{envFile}\", \"web\"]\n",
                "procfile" => $"--env-file {envFile} web\n",
                _ => "- \"--env-file\"\n        - \"/var/run/secrets/shop-env/env-0\"\n        - \"web\"\n",
            }, text, StringComparison.Ordinal);
            Assert.DoesNotContain("EnvironmentFile=", text, StringComparison.Ordinal);
            Assert.DoesNotContain("env_file", text, StringComparison.Ordinal);
            Assert.DoesNotContain("envFrom", text, StringComparison.Ordinal);
            if (target == "kubernetes")
            {
                // Kubernetes cannot read a file on this machine: the Secret to create is said, with the command.
                Assert.Equal($"kubernetes: the --env-file values are not written into the manifests; each container reads the files from the Secret 'shop-env', mounted at /var/run/secrets/shop-env: kubectl create secret generic shop-env --from-file=env-0={envFile}\n", error);
            }
        }
    }
}
