using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary><c>.env</c> files: the usual syntax, precedence, and values that never show.</summary>
public sealed class EnvFileSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void I_can_use_the_usual_dotenv_syntax()
    {
        var variables = EnvFile.Parse("""
            # a comment

            export SECRET_KEY="s3cr\"et\nline"
            DEBUG=0 # inline comment
            LITERAL='no $expansion \n here'
            EMPTY=
            URL=postgres://u:p@h/db#frag
            DEBUG=1
            """, ".env");

        Assert.Equal("s3cr\"et\nline", variables["SECRET_KEY"]);
        Assert.Equal("1", variables["DEBUG"]); // a later line wins
        Assert.Equal("no $expansion \\n here", variables["LITERAL"]);
        Assert.Equal("", variables["EMPTY"]);
        Assert.Equal("postgres://u:p@h/db#frag", variables["URL"]); // '#' without a space before it is part of the value
    }

    [Theory]
    [InlineData("JUST_A_WORD", 1)]
    [InlineData("OK=1\n1BAD=2", 2)]
    [InlineData("A B=1", 1)]
    [InlineData("Q=\"unterminated", 1)]
    [InlineData("OK='a' # a comment after the quote\nT=\"abc\" unterminated", 2)] // was cut to abc in silence
    [InlineData("P=\"abc\"unterminated", 1)]
    public void A_malformed_line_is_reported_with_file_and_line_but_never_its_value(string text, int line)
    {
        var error = Assert.Throws<FormatException>(() => EnvFile.Parse(text, "prod.env"));

        Assert.StartsWith($"prod.env:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unterminated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_files_load_in_order_and_the_process_environment_wins_over_them()
    {
        File.WriteAllText(Path.Combine(_root.Path, "base.env"), "A=base\nB=base\nC=base\n");
        File.WriteAllText(Path.Combine(_root.Path, "prod.env"), "B=prod\nC=prod\n");
        var process = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Python = _root.CreateExecutable("py/python3") };
        process.EnvFiles.Add("base.env");
        process.EnvFiles.Add("prod.env");
        process.Environment["C"] = "explicit";

        var plan = LaunchPlanner.Plan(process, _root.Path, _root.CreateDirectory("empty"), hostEnvironment: new Dictionary<string, string>());

        Assert.Equal("base", plan.FileEnvironment["A"]);
        Assert.Equal("prod", plan.FileEnvironment["B"]);
        Assert.Equal("explicit", plan.Environment["C"]);
    }

    [Fact]
    public void A_missing_env_file_fails_the_launch_naming_the_process_and_the_setting()
    {
        var process = new ProcessDefinition("web", ServerBackends.Waitress) { App = "a:b", Python = _root.CreateExecutable("py/python3") };
        process.EnvFiles.Add("missing.env");

        var error = Assert.Throws<ServerLaunchException>(() => LaunchPlanner.Plan(process, _root.Path, _root.CreateDirectory("empty")));

        Assert.Contains("Process 'web': EnvFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing.env' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvFile_binds_from_configuration_as_one_path_or_a_list()
    {
        var one = Options.Resolve(o => o.UseWaitress("a:b"), new Dictionary<string, string?> { ["ProdServer:Processes:web:EnvFile"] = "prod.env" });
        var many = Options.Resolve(o => o.UseWaitress("a:b"), new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:EnvFile:0"] = "base.env",
            ["ProdServer:Processes:web:EnvFile:1"] = "prod.env",
        });

        Assert.Equal(["prod.env"], one.Processes[0].EnvFiles);
        Assert.Equal(["base.env", "prod.env"], many.Processes[0].EnvFiles);
    }
}
