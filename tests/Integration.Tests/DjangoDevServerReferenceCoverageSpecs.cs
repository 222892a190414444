using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// <see cref="DjangoDevServerArgs"/> against the installed Django's own <c>runserver --help</c> (there is no catalogue file for
/// runserver): every option it lists has a property, and no property is an option it lacks.
/// </summary>
public sealed partial class DjangoDevServerReferenceCoverageSpecs
{
    // Print-and-exit options; not serving options.
    private static readonly string[] NotAnOption = ["help", "version"];

    [Fact]
    public async Task Every_option_runserver_lists_in_its_help_is_a_DjangoDevServerArgs_property_and_no_other()
    {
        using var site = new DjangoSite();
        var (code, help) = await TestHost.RunScriptAsync(site.Directory, site.Environment, TimeSpan.FromSeconds(60), "manage.py", "runserver", "--help");
        Assert.True(code == 0, help);

        var listed = LongOption().Matches(help).Select(m => m.Groups["name"].Value).Distinct().Except(NotAnOption).Order().ToList();
        var typed = DjangoDevServerArgs.ServerFlags.Where(f => f.Name.Length > 0).Select(f => f.Name).Order().ToList();

        Assert.Contains("noreload", listed); // the parse found the options at all
        Assert.Equal(listed, typed);
    }

    [Fact]
    public async Task Every_boolean_is_a_switch_runserver_takes_without_a_value()
    {
        using var site = new DjangoSite();
        var (_, help) = await TestHost.RunScriptAsync(site.Directory, site.Environment, TimeSpan.FromSeconds(60), "manage.py", "runserver", "--help");

        foreach (var flag in DjangoDevServerArgs.ServerFlags.Where(f => f.Kind == FlagKind.Boolean))
        {
            // argparse prints "--name VALUE" for options that take one; switches stand alone.
            Assert.Matches(new Regex($@"--{Regex.Escape(flag.Name)}(,|\s{{2,}}|\]|\n)"), help);
            Assert.DoesNotContain($"--no-{flag.Name}", help, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"(?<![\w-])--(?<name>[a-z][a-z0-9-]*)")]
    private static partial Regex LongOption();
}
