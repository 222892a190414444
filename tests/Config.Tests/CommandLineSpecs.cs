using System.Linq;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The entry point's own words on the command line, told apart from host configuration.</summary>
public sealed class CommandLineSpecs
{
    [Fact]
    public void Bare_words_are_process_names()
    {
        var parsed = ProdServerCommandLine.Parse(["web", "worker"]);

        Assert.Equal(["web", "worker"], parsed.Names);
        Assert.False(parsed.List || parsed.DryRun || parsed.Help);
    }

    [Theory]
    [InlineData("--environment Production web --dry-run")]
    [InlineData("--environment=Production web --dry-run")]
    [InlineData("/environment Production web --dry-run")]
    [InlineData("--dry-run --ProdServer:Processes:web:Args:Threads 8 web")]
    public void The_value_of_a_host_option_is_not_a_process_name(string commandLine)
    {
        var parsed = ProdServerCommandLine.Parse(commandLine.Split(' '));

        Assert.Equal(["web"], parsed.Names);
        Assert.True(parsed.DryRun);
    }

    [Fact]
    public void A_path_after_our_own_option_is_its_value_even_when_it_looks_like_a_host_option()
    {
        var parsed = ProdServerCommandLine.Parse(["--env-file", "/etc/app:prod.env", "web"]);

        Assert.Equal(["/etc/app:prod.env"], parsed.EnvFiles);
        Assert.Equal(["web"], parsed.Names);
        Assert.Empty(parsed.Errors);
    }

    [Theory]
    [InlineData("manage migrate --noinput", null, "migrate --noinput")]
    [InlineData("manage -p worker --env-file prod.env shell -c print(1)", "worker", "shell -c print(1)")]
    [InlineData("--environment Production manage --process=web --ProdServer:Processes:web:StopTimeout=00:00:05 check --deploy", "web", "check --deploy")]
    [InlineData("manage migrate --help -- --environment x --ProdServer:A=b", null, "migrate --help -- --environment x --ProdServer:A=b")]
    [InlineData("manage -- --version", null, "--version")]
    [InlineData("manage --version", null, "--version")] // Django's version: said twice wrongly ("manage needs manage.py's command")
    [InlineData("manage -p worker --version", "worker", "--version")]
    public void After_manage_and_its_options_every_word_is_manage_pys_as_written(string commandLine, string? process, string words)
    {
        var args = commandLine.Split(' ');
        var parsed = ProdServerCommandLine.Parse(args);

        Assert.True(parsed.Manage);
        Assert.Empty(parsed.Errors);
        Assert.False(parsed.Help);
        Assert.Equal(words.Split(' '), parsed.ManageArguments);
        Assert.Equal(process is null ? [] : [process], parsed.Names);
        Assert.Empty(parsed.ServerOverrides);
        // manage.py's words are not host configuration either.
        Assert.DoesNotContain(HostArguments.ForHost(args), a => a.Contains("ProdServer:A", System.StringComparison.Ordinal) || a == "--environment=x");
    }

    // manage --help is the launcher's own (README: "app manage --help"), unlike --version, which is manage.py's.
    [Fact]
    public void Manage_help_is_the_launchers_own()
    {
        var parsed = ProdServerCommandLine.Parse(["manage", "--help"]);

        Assert.True(parsed.Manage && parsed.Help);
        Assert.Empty(parsed.ManageArguments);
        Assert.Contains("manage.py's command and its arguments", parsed.HelpText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Manage_reads_its_env_files_and_refuses_an_option_before_manage_pys_command()
    {
        var parsed = ProdServerCommandLine.Parse(["manage", "--env-file", "a.env", "--env-file", "b.env", "--settings=x", "migrate"]);

        Assert.Equal(["a.env", "b.env"], parsed.EnvFiles);
        Assert.Equal(["Unrecognized option '--settings=x' for manage; manage.py's own options go after its command (app manage migrate --noinput)."], parsed.Errors);
        Assert.Equal("Run 'manage --help' for the usage.", parsed.UsageHint);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("web worker")]
    public void Only_process_names_are_a_plain_run(string commandLine) =>
        Assert.True(ProdServerCommandLine.IsPlainRun(commandLine.Split(' ')));

    [Theory]
    [InlineData("web --dry-run")]
    [InlineData("export systemd")]
    [InlineData("--environment Production web")]
    [InlineData("web -- --threads=8")]
    [InlineData("manage migrate")]
    public void Anything_else_is_not_a_plain_run(string commandLine) =>
        Assert.False(ProdServerCommandLine.IsPlainRun(commandLine.Split(' ')));

    [Fact]
    public void Every_control_command_and_nothing_else_is_told_apart_from_a_process_name()
    {
        foreach (var command in ControlProtocol.Commands)
        {
            Assert.True(ControlProtocol.IsCommand(command), command);
            Assert.False(ProdServerCommandLine.IsPlainRun([command]), command);
        }

        foreach (var name in new[] { "web", "Status", "stopped", "restart2", "" })
        {
            Assert.False(ControlProtocol.IsCommand(name), name);
        }
    }

    [Fact]
    public void Words_after_a_double_dash_are_never_process_names()
    {
        var parsed = ProdServerCommandLine.Parse(["web", "--", "admin"]);

        Assert.Equal(["web"], parsed.Names);
    }

    [Fact]
    public void Export_takes_all_as_every_other_command_does_and_refuses_it_beside_names()
    {
        var all = ProdServerCommandLine.Parse(["export", "systemd", "--out", "deploy", "--all"]);
        var both = ProdServerCommandLine.Parse(["export", "systemd", "--out", "deploy", "--all", "web"]);

        Assert.Empty(all.Errors);
        Assert.True(all.Export && all.All && all.Names.Count == 0);
        Assert.Equal("--all exports every process; drop it or the names (web).", Assert.Single(both.Errors));
    }

    // System.CommandLine records a missing value again each time the value is read, and the parse reads it: the same line was
    // said twice.
    [Theory]
    [InlineData("web", "--env-file")]
    [InlineData("export", "systemd", "--out")]
    [InlineData("export", "systemd", "--out", "deploy", "--hardening")]
    [InlineData("manage", "--process")]
    public void An_option_without_its_value_is_said_once(params string[] args)
    {
        var parsed = ProdServerCommandLine.Parse(args);

        Assert.Single(parsed.Errors, e => e == $"Required argument missing for option: '{args[^1]}'.");
        Assert.Equal(parsed.Errors.Distinct(), parsed.Errors);
    }

    // The root's --help gives export and import one line each; their options are in their own --help.
    [Theory]
    [InlineData(new[] { "export", "systemd" }, "Run 'export --help' for the usage.")]
    [InlineData(new[] { "import", "django-prodserver", "--bogus" }, "Run 'import --help' for the usage.")]
    [InlineData(new[] { "tail" }, "Run 'tail --help' for the usage.")]
    [InlineData(new[] { "web", "--bogus" }, "Run with --help for the usage.")]
    public void A_usage_error_points_at_the_help_of_the_command_given(string[] args, string hint)
    {
        var parsed = ProdServerCommandLine.Parse(args);

        Assert.NotEmpty(parsed.Errors);
        Assert.Equal(hint, parsed.UsageHint);
    }
}
