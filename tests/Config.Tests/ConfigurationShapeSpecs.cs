using Microsoft.Extensions.DependencyInjection;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A setting given in the wrong JSON shape (a list where a dictionary belongs, one string where a list belongs) is an error
/// naming the key, never a silently different value; environment names are names a process environment can hold.
/// </summary>
public sealed class ConfigurationShapeSpecs
{
    private const string App = "mysite.wsgi:application";

    private static void Web(ProdServerBuilder o) => o.UseWaitress(App);

    [Fact]
    public void An_environment_given_as_a_list_is_refused_naming_the_key()
    {
        var failure = Assert.Single(Options.Failures(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Environment:0"] = "A=1" }));

        Assert.Contains("ProdServer:Processes:web:Environment", failure, StringComparison.Ordinal);
        Assert.Contains("NAME", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_given_as_one_string_is_refused()
    {
        var failure = Assert.Single(Options.Failures(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Environment"] = "A=1" }));

        Assert.Contains("ProdServer:Processes:web:Environment", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PATH=/x")]
    [InlineData("1A")]
    [InlineData("A B")]
    [InlineData("A-B")]
    public void An_environment_name_a_shell_cannot_hold_is_refused(string name)
    {
        var failure = Assert.Single(Options.Failures(o => o.UseWaitress(App).Environment(name, "1")));

        Assert.Contains("Environment", failure, StringComparison.Ordinal);
        Assert.Contains("[A-Za-z_][A-Za-z0-9_]*", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_step_environment_name_is_checked_too()
    {
        var failure = Assert.Single(Options.Failures(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Release:0:Name"] = "migrate",
            ["ProdServer:Release:0:Command:0"] = "true",
            ["ProdServer:Release:0:Environment:0"] = "A=1",
        }));

        Assert.Contains("ProdServer:Release:0:Environment", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Depends_on_given_as_a_dictionary_is_refused()
    {
        var failures = Options.Failures(o => { o.UseWaitress(App); o.Process("api").UseWaitress(App); }, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:DependsOn:first"] = "api",
        });

        Assert.Contains(failures, f => f.Contains("ProdServer:Processes:web:DependsOn", StringComparison.Ordinal) && f.Contains("list", StringComparison.Ordinal));
    }

    [Fact]
    public void Processes_given_as_a_list_are_refused()
    {
        var failures = Options.Failures(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:0:Backend"] = "Waitress",
            ["ProdServer:Processes:0:App"] = App,
        });

        Assert.Contains(failures, f => f.Contains("ProdServer:Processes", StringComparison.Ordinal) && f.Contains("keyed by", StringComparison.Ordinal));
    }

    [Fact]
    public void A_release_command_given_as_one_string_is_refused()
    {
        var failures = Options.Failures(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Release:0:Name"] = "migrate",
            ["ProdServer:Release:0:Command"] = "manage.py migrate",
        });

        Assert.Contains(failures, f => f.Contains("ProdServer:Release:0:Command", StringComparison.Ordinal) && f.Contains("list", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_option_given_as_a_dictionary_is_refused()
    {
        var failures = Options.Failures(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Args:Listen:a"] = "127.0.0.1:8000" });

        Assert.Contains(failures, f => f.Contains("ProdServer:Processes:web:Args:Listen", StringComparison.Ordinal));
    }

    // .NET's '$' also matches before a final "\n", so "^…$" checks let a trailing line break through.
    [Theory]
    [InlineData("ProdServer:Processes:web:App", "mysite.wsgi:application\n")]
    [InlineData("ProdServer:Processes:web:Resources:Cpu", "2\n")]
    [InlineData("ProdServer:Processes:web:Args:Unix-Socket-Perms", "600\n")]
    public void A_value_with_a_trailing_line_break_is_refused(string key, string value)
    {
        var failures = Options.Failures(Web, new Dictionary<string, string?> { [key] = value });

        Assert.NotEmpty(failures);
    }

    [Fact]
    public void No_validation_pattern_in_the_sources_ends_with_a_dollar_anchor()
    {
        var patterns = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select(line => (File: Path.GetFileName(f), Line: line)))
            .Where(l => l.Line.Contains("GeneratedRegex(", StringComparison.Ordinal) || l.Line.Contains("Regex.IsMatch(", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.False(Regex.IsMatch(p.Line, @"(?<!\\)\$(""|\||\))"), $"{p.File}: {p.Line.Trim()} anchors with $; use \\z"));
    }
}
