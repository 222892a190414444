using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Generated hostile strings (line breaks, <c>%</c>, <c>$</c>, quotes, backslashes, control characters, unicode separators,
/// 1–300 characters, a leading <c>-</c>) in every name, value and path the dry run prints: the text passes <c>bash -n</c>,
/// has exactly its comment lines and commands, and bash reads each command and value back exactly; the JSON parses back to
/// exactly the plan; or the configuration is refused with one line per problem.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class DryRunPropertySpecs : IDisposable
{
    private static readonly string[] Pieces =
    [
        "\n", "\r", "\t", "\u001b[31m", "\u007f", "%i", "%%", "$HOME", "$(id)", "${x}", "'", "\"", "\\", "\\n", "`id`", "!", "*", " ",
        "-", "--x", "#", "é", "😀", "\u2028", "\u2029", "\u0085", "\u202E", "\u2067", "web", "Z", "0", ";", "&&", "|", "=", ":", "/", "..",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(Pieces).Array[1, 60]
        .Select(parts => string.Concat(parts))
        .Select(s => s.Length > 300 ? s[..300] : s);

    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Hostile_names_values_and_paths_never_add_a_line_and_round_trip_through_bash_or_are_refused()
    {
        var (printed, refused) = (0, 0);
        Gen.Select(Hostile, Hostile, Hostile, Hostile, Hostile).Sample(
            sample => { if (Check(sample)) printed++; else refused++; },
            iter: 150, threads: 1, print: s => string.Join(" | ", Names.Printable(s.Item1), Names.Printable(s.Item2), Names.Printable(s.Item3)));

        Assert.True(printed > 50, $"{printed} printed, {refused} refused: too few reached the dry run");
    }

    private bool Check((string Name, string Value, string Ident, string Directory, string StepArgument) s)
    {
        ProdServerOptions options;
        try
        {
            options = Options.Resolve(o =>
            {
                o.Process(s.Name.Length % 3 == 0 ? s.Name : "web")
                    .UseWaitress("mysite.wsgi:application", w => w with { Ident = s.Ident, Port = 8000 })
                    .Python("/usr/bin/python3")
                    .WorkingDirectory(Path.Combine(_root.Path, s.Directory))
                    .Environment("HOSTILE", s.Value);
                o.Release("migrate", ["true", s.StepArgument]);
            });
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            Assert.All(ex.Failures, f => Assert.DoesNotContain('\n', f));
            return false;
        }

        var process = Assert.Single(options.Processes);
        var plan = LaunchPlanner.Plan(process, _root.Path, requireExecutable: false);
        var text = Write(json: false, options);
        var lines = text.TrimEnd('\n').Split('\n');

        // Exactly: the release comment and command, the process's comments, and its command last; nothing else starts a line.
        Assert.All(lines, l => Assert.DoesNotContain(l, c => char.IsControl(c) || c is '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'));
        Assert.Equal(2, lines.Count(l => !l.StartsWith('#')));
        Assert.Equal(["true", s.StepArgument], BashWords(lines[1]));
        Assert.Equal([plan.Executable, .. plan.Arguments], BashWords(lines[^1]));
        var env = Assert.Single(lines, l => l.StartsWith("# env HOSTILE=", StringComparison.Ordinal));
        Assert.Equal([s.Value], BashWords(env["# env HOSTILE=".Length..]));
        Assert.Equal(0, Bash("-n", text).Code);

        using var json = JsonDocument.Parse(Write(json: true, options));
        Assert.Equal(plan.Arguments, json.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(s.Value, json.RootElement.GetProperty("env").GetProperty("HOSTILE").GetString());
        Assert.Equal(plan.WorkingDirectory, json.RootElement.GetProperty("workingDirectory").GetString());
        return true;
    }

    private string Write(bool json, ProdServerOptions options)
    {
        using var output = new StringWriter();
        DryRun.WriteAsync(output, json, options.ReleaseSteps, options.Processes, _root.Path).GetAwaiter().GetResult();
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // The words bash reads from one line, printed back NUL-separated.
    private static string[] BashWords(string line)
    {
        var (code, output) = Bash("-s", "printf '%s\\0' " + line + "\n");
        Assert.True(code == 0, $"bash could not read: {Names.Printable(line)}");
        return output.Split('\0')[..^1];
    }

    private static (int Code, string Output) Bash(string mode, string script)
    {
        var info = new ProcessStartInfo("bash", [mode])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.Environment["LC_ALL"] = "C.UTF-8";
        using var bash = Process.Start(info)!;
        bash.StandardInput.Write(script);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        return (bash.ExitCode, output);
    }
}
