using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A usage mistake quotes what was typed; a word holding a line break, an escape sequence or a bidirectional control must
/// not forge a line of its own or move the terminal's cursor when it is quoted back, whichever part of the command line
/// (ours or System.CommandLine's) refuses it.
/// </summary>
public sealed class CommandLineHostileInputSpecs
{
    // No ':' in it: a word holding one is host configuration (--Key:Sub=value), not a usage mistake.
    private const string Forged = "ERROR forged";

    public static TheoryData<string[]> HostileCommandLines => new()
    {
        { ["we\u001b[31mb\n" + Forged] },                                // an unknown process
        { ["web", "--dry-run", "--json", "x\u202Eweb"] },                 // an unknown process with a bidi override
        { ["--bo\u001b[2Jgus\n" + Forged] },                              // an unknown option of ours
        { ["web", "--dry\n" + Forged + "=1"] },                           // an option System.CommandLine does not know
        { ["export", "sys\u001b[1mtemd\n" + Forged, "--out", "deploy"] }, // an export target not among its choices
        { ["--all", "we\rb\n" + Forged] },                                // --all with names
    };

    // The run in an empty directory, with one process declared in code.
    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        var root = Directory.CreateTempSubdirectory("prodserver-argv-").FullName;
        try
        {
            var (code, _, error) = await EntryPoint.RunAsync(root, o => o.UseWaitress("mysite.wsgi:application"), null, args);
            return (code, error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(HostileCommandLines))]
    public async Task A_hostile_word_is_quoted_back_escaped_on_its_own_line_with_exit_code_2(string[] args)
    {
        var (code, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.DoesNotContain(error, c => c is not ('\n' or '\t') && Names.MustEscape(c));
        Assert.DoesNotContain(EntryPoint.Lines(error), line => line.TrimStart().StartsWith(Forged, StringComparison.Ordinal));
    }

    // Values our own commands refuse after parsing: an env file or a settings file to import that is not there. (What the
    // exporters refuse is ExportHostileInputSpecs'.)
    public static TheoryData<string[], string> HostileValues => new()
    {
        { ["web", "--env-file", "no\u001b[31mfile\n" + Forged], "no\\x1b[31mfile\\nERROR forged" },
        { ["import", "settings\u001b[2J\n" + Forged + ".py"], "settings\\x1b[2J\\nERROR forged.py" },
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task A_hostile_value_is_refused_in_one_escaped_line(string[] args, string quoted)
    {
        var (code, error) = await RunAsync(args);

        Assert.True(code is ExitCodes.Usage or ExitCodes.InvalidConfiguration, $"exit code {code}: {error}");
        Assert.Contains(quoted, error, StringComparison.Ordinal);
        Assert.DoesNotContain(error, c => c is not ('\n' or '\t') && Names.MustEscape(c));
        Assert.DoesNotContain(EntryPoint.Lines(error), line => line.TrimStart().StartsWith(Forged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_misspelled_process_name_is_answered_with_the_name_meant()
    {
        var (code, error) = await RunAsync("webb");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("Unknown process 'webb' (did you mean 'web'?). Declared processes: web.", EntryPoint.Lines(error).Single());
    }
}
