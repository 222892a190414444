using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsCheck;
using k8s.Models;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config.Tests;

/// <summary>
/// Issue 13's property: generated hostile strings (newlines, <c>%</c>, <c>$</c>, quotes, backslashes, control
/// characters, bidirectional controls, Unicode, 1–300 characters, a leading <c>-</c>) in every name, value and path field of every export writer
/// either come back refused with one line, or produce files with exactly the lines, keys and sections of a harmless value
/// in which the value reads back as given. Hundreds are checked in process; a small batch goes through the real
/// consumers: <c>systemd-analyze verify</c>, supervisor's own config parser, <c>docker-compose config</c> and <c>sh</c>.
/// </summary>
public sealed class ExportHostileInputSpecs : IDisposable
{
    private const int RealToolBatch = 6;

    // Env files are created for docker-compose, which reads them: only below this directory.
    private static readonly string EnvFileBase = Path.Combine(Path.GetTempPath(), "psc-export-hostile-env") + "/";

    private static readonly string[] Fields = ["name", "exec", "workdir", "environment", "envfile", "readiness", "python", "app", "image", "user", "schedule", "socket"];

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOf("\n", "\r\n", "%", "%n", "%%", "$", "$HOME", "${X}", "$(X)", "$$", "\"", "'", "\\", "\\n", "\x1b[31m", "\0", "\t", "é", "😀",
            "\u2028", "\u202E", "\u2067", "\u00a0", ";", " ;", " #", "#", " ", "-", "--", ":", "=", "[", "]", "{", "}", ",", "*", "..", "/", "command=/bin/sh", "\uD800"),
        Gen.String[1, 12],
        Gen.String.AlphaNumeric);

    private static readonly Gen<string> Hostile = Gen.Select(Gen.Bool, Piece.Array[1, 24], Gen.Int[1, 300], (dash, pieces, max) =>
    {
        var text = (dash ? "-" : "") + string.Concat(pieces);
        return text.Length > max ? text[..max] : text;
    }).Where(s => s.Length > 0);

    private readonly string _directory = Directory.CreateTempSubdirectory("psc-export-hostile-").FullName;
    private readonly List<(Deployment Deployment, IReadOnlyList<ExportedFile> Files)> _systemd = [];
    private readonly List<(Deployment Deployment, string Conf)> _supervisord = [];
    private readonly List<(Deployment Deployment, string Yaml)> _compose = [];
    private readonly List<(Deployment Deployment, string Procfile)> _procfile = [];

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        if (Directory.Exists(EnvFileBase))
        {
            Directory.Delete(EnvFileBase, recursive: true);
        }
    }

    [Fact]
    public void Hostile_strings_in_every_field_of_every_writer_are_refused_in_one_line_or_round_trip_through_the_real_tools()
    {
        var (accepted, refused) = (0, 0);
        Gen.Select(Gen.OneOf(Fields), Hostile).Sample(
            sample =>
            {
                foreach (var target in Enum.GetValues<ExportTarget>())
                {
                    if (Check(target, sample.Item1, sample.Item2)) accepted++; else refused++;
                }
            },
            iter: 400, threads: 1, print: s => $"{s.Item1} = {JsonSerializer.Serialize(s.Item2)}");

        Assert.True(accepted > 100 && refused > 100, $"{accepted} accepted, {refused} refused");
        RunSystemdAnalyzeVerify();
        RunSupervisorParser();
        RunDockerComposeConfig();
        RunShell();
    }

    private static Deployment Build(string field, string value)
    {
        var web = new ProcessDefinition(field == "name" ? value : "web", ServerBackends.Waitress)
        {
            App = field == "app" ? value : "mysite.wsgi:application",
            // A Unix socket's path reaches the health check's and the exec probes' words.
            Args = field == "socket" ? new WaitressArgs { UnixSocket = "/run/shop/" + value } : new WaitressArgs { Host = "0.0.0.0", Port = 8000 },
            Python = field == "python" ? "/usr/bin/" + value : null,
        };
        web.Readiness.Path = field == "readiness" ? "/" + value : "/health";
        var processes = new List<ProcessDefinition> { web };
        if (field == "schedule")
        {
            processes.Add(new ProcessDefinition("beat", ServerBackends.CeleryBeat) { App = "proj", Args = new CeleryBeatArgs { Schedule = "/var/lib/" + value } });
        }

        return new Deployment("shop", [field == "exec" ? "/srv/" + value : "/bin/true"], field == "workdir" ? "/srv/" + value : "/srv/shop", processes)
        {
            EnvironmentName = field == "environment" ? value : "Production",
            EnvFiles = field == "envfile" ? [EnvFileBase + value] : [],
            Image = field == "image" ? value : "shop:1.0",
            User = field == "user" ? value : null,
        };
    }

    // Returns whether the export was accepted.
    private bool Check(ExportTarget target, string field, string value)
    {
        Deployment deployment;
        IReadOnlyList<ExportedFile> files;
        try
        {
            deployment = Build(field, value);
        }
        catch (ArgumentException) when (field == "name" && string.IsNullOrWhiteSpace(value))
        {
            return false; // the model itself takes no blank process name
        }

        try
        {
            files = Exporter.Export(target, deployment);
        }
        catch (ExportRefusedException refusal)
        {
            Assert.True(refusal.Message.Length > 0 && refusal.Message.All(c => !char.IsControl(c) && c is not '\u2028' and not '\u2029'), refusal.Message);
            return false;
        }

        // Nothing accepted shows in another order than it is read.
        Assert.All(files, f => Assert.DoesNotContain(f.Content, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'));
        var harmless = Exporter.Export(target, Build(field, field switch { "image" => "ok:1.0", _ => "ok" }));
        Assert.Equal(harmless.Count, files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal(Shape(target, harmless[i].Content), Shape(target, files[i].Content));
        }

        var web = deployment.Processes[0];
        switch (target)
        {
            case ExportTarget.Kubernetes:
                var container = KubernetesObjects.Read(files[0].Content).OfType<V1Deployment>().Single().Spec.Template.Spec.Containers[0];
                // The env files are the Secret's, mounted in the container: their paths there are the export's own.
                Assert.Equal(
                    [.. deployment.EnvFiles.SelectMany((_, i) => new[] { "--env-file", "/var/run/secrets/shop-env/env-" + i }), web.Name.Replace("$", "$$", StringComparison.Ordinal)],
                    container.Args);
                Assert.Equal(deployment.EnvironmentName.Replace("$", "$$", StringComparison.Ordinal), container.Env.Single().Value);
                Assert.Equal(deployment.Image, container.Image);
                if (field == "socket")
                {
                    // The kubelet expands $(VAR) in an exec probe's command too. With no port, the readiness path is asked on the socket.
                    Assert.Equal(
                        ["unix", ("/run/shop/" + value).Replace("$", "$$", StringComparison.Ordinal), web.Readiness.Path!, "200"],
                        container.ReadinessProbe.Exec.Command.TakeLast(4));
                }
                else
                {
                    Assert.Equal(web.Readiness.Path, container.ReadinessProbe.HttpGet.Path);
                }

                break;
            case ExportTarget.Systemd when _systemd.Count < RealToolBatch && field != "exec":
                _systemd.Add((deployment, files));
                break;
            case ExportTarget.Supervisord when _supervisord.Count < RealToolBatch && field != "user":
                _supervisord.Add((deployment, files[0].Content));
                break;
            case ExportTarget.Compose when _compose.Count < 3 && field is "name" or "environment" or "readiness" or "python" or "envfile" or "socket"
                && deployment.EnvFiles.All(f => Path.GetFullPath(f) == f && f.StartsWith(EnvFileBase, StringComparison.Ordinal)):
                _compose.Add((deployment, files[0].Content));
                break;
            case ExportTarget.Procfile when _procfile.Count < RealToolBatch * 3:
                _procfile.Add((deployment, files[0].Content));
                break;
        }

        return true;
    }

    // The file's skeleton: sections and keys in order (ini, unit files, Procfile lines), or every key path and sequence
    // length (YAML, with Compose's service names folded, since the name is one of the values under test).
    private static string Shape(ExportTarget target, string content)
    {
        if (target is ExportTarget.Compose or ExportTarget.Kubernetes)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            return string.Join('\n', stream.Documents.SelectMany(d => Paths(d.RootNode, "")));
        }

        return string.Join('\n', content.Split('\n').Select(line => target == ExportTarget.Procfile
            ? (line.Length == 0 ? "" : "entry")
            : line.StartsWith('[') ? line[..(line.IndexOf(':') is > 0 and var colon ? colon : line.Length)] : line.Split('=')[0]));
    }

    private static IEnumerable<string> Paths(YamlNode node, string path) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(c =>
        {
            var key = path == "services" ? "<service>" : ((YamlScalarNode)c.Key).Value;
            return Paths(c.Value, path.Length == 0 ? key! : path + "." + key).Prepend(path + "." + key);
        }),
        YamlSequenceNode sequence => sequence.Children.SelectMany((c, i) => Paths(c, $"{path}[{i}]")).Prepend($"{path}#{sequence.Children.Count}"),
        _ => [],
    };

    private void RunSystemdAnalyzeVerify()
    {
        Assert.NotEmpty(_systemd);
        var units = new List<string>();
        foreach (var (sample, files) in _systemd.Select((s, i) => (i, s.Files)))
        {
            var directory = Directory.CreateDirectory(Path.Combine(_directory, "systemd-" + sample)).FullName;
            foreach (var file in files.Where(f => f.Name.EndsWith(".service", StringComparison.Ordinal)))
            {
                File.WriteAllText(Path.Combine(directory, file.Name), file.Content);
                units.Add(Path.Combine(directory, file.Name));
            }
        }

        var (code, output) = Run("systemd-analyze", ["verify", .. units]);

        Assert.True(code == 0 && output.Trim().Length == 0, $"systemd-analyze verify said (exit {code}):\n{output}");
    }

    // supervisor's own parser reads each file back: the same sections, and each program's argv (split with shlex, as
    // supervisord does before exec), directory and environment exactly as exported.
    private void RunSupervisorParser()
    {
        Assert.NotEmpty(_supervisord);
        var paths = _supervisord.Select((s, i) => Path.Combine(_directory, $"supervisord-{i}.conf")).ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            File.WriteAllText(paths[i], _supervisord[i].Conf);
        }

        var script = Path.Combine(_directory, "parse.py");
        File.WriteAllText(script, """
            import sys, json, shlex
            from supervisor.options import ServerOptions, UnhosedConfigParser
            result = []
            for path in sys.argv[1:]:
                parser = UnhosedConfigParser()
                parser.read(path)
                options = ServerOptions()
                options.environ_expansions = {}
                programs = []
                for section in parser.sections():
                    if section.startswith('program:'):
                        config = options.processes_from_section(parser, section, section.split(':', 1)[1])[0]
                        programs.append({'argv': shlex.split(config.command), 'directory': config.directory, 'environment': config.environment})
                result.append({'sections': parser.sections(), 'programs': programs})
            print(json.dumps(result))
            """);
        var (code, output) = Run("/usr/bin/python3", [script, .. paths]);
        Assert.True(code == 0, output);

        var parsed = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        for (var i = 0; i < parsed.Count; i++)
        {
            var deployment = _supervisord[i].Deployment;
            var program = parsed[i].GetProperty("programs")[0];
            Assert.Equal(deployment.Processes.Count + 1, parsed[i].GetProperty("sections").GetArrayLength());
            Assert.Equal(deployment.Arguments(deployment.Processes[0], withEnvFiles: true), program.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!));
            Assert.Equal(deployment.WorkingDirectory, program.GetProperty("directory").GetString());
            Assert.Equal(deployment.EnvironmentName, program.GetProperty("environment").GetProperty("DOTNET_ENVIRONMENT").GetString());
        }
    }

    // docker-compose config interpolates and validates, then prints the result with '$' escaped again: each value must
    // come out exactly as written, or something was interpolated.
    private void RunDockerComposeConfig()
    {
        if (!File.Exists("/usr/bin/docker-compose"))
        {
            Assert.Fail("docker-compose is not installed (apt-get install -y docker-compose): the Compose files cannot be checked by the real tool.");
        }

        Assert.NotEmpty(_compose);
        foreach (var ((deployment, yaml), index) in _compose.Select((c, i) => (c, i)))
        {
            // A file name over NAME_MAX (255 bytes) cannot exist, so docker-compose could not read it on any machine; the
            // export writes the path as given (it names a file on the target), and the real tool checks names that can exist.
            if (deployment.EnvFiles.Any(f => f.Split('/').Any(part => System.Text.Encoding.UTF8.GetByteCount(part) > 255)))
            {
                continue;
            }

            var directory = Directory.CreateDirectory(Path.Combine(_directory, "compose-" + index)).FullName;
            var file = Path.Combine(directory, "compose.yaml");
            File.WriteAllText(file, yaml);
            foreach (var envFile in deployment.EnvFiles)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(envFile)!);
                File.WriteAllText(envFile, "");
            }

            var (code, output) = Run("docker-compose", ["-f", file, "config"]);
            Assert.True(code == 0, $"docker-compose config said (exit {code}):\n{output}\n{yaml}");

            var written = Service(yaml);
            var resolved = Service(output);
            foreach (var key in new[] { "command", "environment", "healthcheck" })
            {
                Assert.Equal(Scalars(written.Children[new YamlScalarNode(key)]), Scalars(resolved.Children[new YamlScalarNode(key)]));
            }
        }
    }

    // sh reads each Procfile command back into the same words (printf prints them instead of running anything).
    private void RunShell()
    {
        foreach (var (deployment, procfile) in _procfile)
        {
            var line = procfile.Split('\n')[0]; // the web process's entry
            var command = line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            var (code, output) = Run("/bin/sh", ["-c", "printf '%s\\0' " + command]);

            Assert.True(code == 0, output);
            Assert.Equal(deployment.Arguments(deployment.Processes[0], withEnvFiles: true), output.Split('\0')[..^1]);
        }
    }

    private static YamlMappingNode Service(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        return (YamlMappingNode)services.Children.Single().Value;
    }

    private static string[] Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars).ToArray(),
        // docker-compose prints keys sorted.
        YamlMappingNode mapping => mapping.Children.OrderBy(c => ((YamlScalarNode)c.Key).Value, StringComparer.Ordinal)
            .SelectMany(c => Scalars(c.Key).Concat(Scalars(c.Value))).ToArray(),
        _ => [],
    };

    private static (int Code, string Output) Run(string file, IReadOnlyList<string> args) => ToolRun.Run(file, args);
}
