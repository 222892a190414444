using Microsoft.Extensions.DependencyInjection;
using System;
using System.Collections.Generic;
using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Process and release-step names reach unit file names, ini sections, compose keys, log categories and command lines,
/// so the configuration accepts only names every one of them can carry.
/// </summary>
public sealed class ProcessNameSpecs
{
    private static IReadOnlyList<string> FailuresForProcess(string name) => Options.Failures(settings: new Dictionary<string, string?>
    {
        [$"ProdServer:Processes:{name}:Backend"] = "Waitress",
        [$"ProdServer:Processes:{name}:App"] = "mysite.wsgi:application",
    });

    [Theory]
    [InlineData("x\ncommand=/usr/bin/touch PWNED\n#")]
    [InlineData("-x")]
    [InlineData("../web")]
    [InlineData("web worker")]
    [InlineData("web%i")]
    [InlineData("web$HOME")]
    [InlineData("web\n")]
    [InlineData("_web")]
    [InlineData("wéb")]
    public void A_process_name_a_deployment_file_cannot_carry_is_refused_with_one_line(string name)
    {
        var failure = Assert.Single(FailuresForProcess(name));

        Assert.Contains("process name", failure, StringComparison.Ordinal);
        Assert.Contains("letters, digits", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void A_300_character_process_name_is_refused_not_crashed_on()
    {
        var failure = Assert.Single(FailuresForProcess(new string('w', 300)));

        Assert.Contains("at most 63 characters", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("status")]
    [InlineData("Restart")]
    [InlineData("help")]
    public void A_process_name_that_is_a_command_word_is_refused(string name)
    {
        var failure = Assert.Single(FailuresForProcess(name));

        Assert.Contains("reserved", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("web.1")]
    [InlineData("celery-worker_2")]
    [InlineData("1st")]
    public void Ordinary_process_names_are_accepted(string name)
    {
        var options = Options.Resolve(null, new Dictionary<string, string?>
        {
            [$"ProdServer:Processes:{name}:Backend"] = "Waitress",
            [$"ProdServer:Processes:{name}:App"] = "mysite.wsgi:application",
        });

        Assert.Equal(name, Assert.Single(options.Processes).Name);
    }

    [Fact]
    public void A_process_name_from_code_is_held_to_the_same_rule()
    {
        var failure = Assert.Single(Options.Failures(o => o.Process("web\r\nx").UseWaitress("mysite.wsgi:application")));

        Assert.Contains("process name", failure, StringComparison.Ordinal);
        Assert.Contains("\\r\\n", failure, StringComparison.Ordinal); // shown escaped, never raw
    }

    [Theory]
    [InlineData("migrate\n# x")]
    [InlineData("status")]
    [InlineData("-m")]
    public void A_release_step_name_is_held_to_the_same_rule(string name)
    {
        var failures = Options.Failures(o => o.UseWaitress("mysite.wsgi:application"), new Dictionary<string, string?>
        {
            ["ProdServer:Release:0:Name"] = name,
            ["ProdServer:Release:0:Command:0"] = "true",
        });

        var failure = Assert.Single(failures);
        Assert.Contains("Release step", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t\u2029\n ")]
    public void A_blank_name_from_code_is_refused_by_validation_not_thrown_from_the_builder(string name)
    {
        var failures = Options.Failures(o =>
        {
            o.Process(name).UseWaitress("mysite.wsgi:application");
            o.Release(name, ["true"]);
        });

        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Contains(" name must be letters", f, StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain('\n', f));
    }
}
