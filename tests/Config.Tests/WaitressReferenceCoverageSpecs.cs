using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <see cref="WaitressArgs"/> against the option catalogue of waitress-serve (<c>../shared/reference/waitress.tsv</c>,
/// written from waitress's own parser): nothing missing, nothing invented, every boolean spelled the way getopt accepts it.
/// </summary>
public sealed class WaitressReferenceCoverageSpecs
{
    // Catalogue flags that deliberately have no WaitressArgs property. Keep each one justified.
    private static readonly HashSet<string> NotAnOption = new(StringComparer.Ordinal)
    {
        "help", // prints usage and exits: not a serving option; the entry point has its own --help.
    };

    private sealed record Row(string Flag, string Value, string Repeatable, string SinceOrRemoved);

    private static IReadOnlyList<Row> ReadCatalogue()
    {
        var lines = File.ReadAllLines(Repository.SharedReference("waitress.tsv"));
        var header = lines.First(l => !l.StartsWith('#')).Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"waitress.tsv has no '{name}' column; header: {string.Join(", ", header)}");
        var (flag, value, repeatable, since) = (Column("flag"), Column("value"), Column("repeatable"), Column("since_or_removed"));

        var rows = lines
            .Where(l => !l.StartsWith('#') && l.Length > 0)
            .Skip(1) // the header
            .Select(l => l.Split('\t')) // tab only: a default may contain spaces or quotes
            .Select(c => new Row(LongName(c[flag]), c[value], c[repeatable], c[since]))
            .Where(r => !r.SinceOrRemoved.StartsWith("removed", StringComparison.Ordinal)) // the newest release rejects these
            .ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    // "--threads" → "threads"; "--[no-]ipv4" → "ipv4".
    private static string LongName(string flag)
    {
        Assert.StartsWith("--", flag);
        var name = flag[2..];
        return name.StartsWith("[no-]", StringComparison.Ordinal) ? name["[no-]".Length..] : name;
    }

    private static IEnumerable<FlagInfo> Options => WaitressArgs.ServerFlags.Where(f => f.Name.Length > 0);

    private static string[] Translate(string property, object value)
    {
        object args = new WaitressArgs();
        typeof(WaitressArgs).GetProperty(property)!.SetValue(args, value);
        var argv = new List<string>();
        ((WaitressArgs)args).AppendArguments(argv);
        return [.. argv];
    }

    [Fact]
    public void Every_option_waitress_serve_accepts_is_available_in_WaitressArgs()
    {
        var available = Options.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        var missing = ReadCatalogue().Select(r => r.Flag).Where(f => !available.Contains(f) && !NotAnOption.Contains(f)).ToList();

        Assert.True(missing.Count == 0, $"waitress-serve options without a WaitressArgs property: {string.Join(", ", missing)}");
    }

    [Fact]
    public void WaitressArgs_has_no_option_waitress_serve_does_not_accept()
    {
        var catalogue = ReadCatalogue().Select(r => r.Flag).ToHashSet(StringComparer.Ordinal);

        var invented = Options.Where(f => !catalogue.Contains(f.Name)).Select(f => $"{f.Property} (--{f.Name})").ToList();

        Assert.True(invented.Count == 0, $"WaitressArgs properties waitress-serve would reject: {string.Join(", ", invented)}");
        // An excluded flag that later became a property would mean the exclusion list is stale.
        Assert.DoesNotContain(Options, f => NotAnOption.Contains(f.Name));
    }

    [Fact]
    public void Every_negatable_option_is_written_as_the_bare_flag_or_its_no_form()
    {
        var negatable = ReadCatalogue().Where(r => r.Value == "negatable").ToList();
        Assert.NotEmpty(negatable);

        foreach (var row in negatable)
        {
            var property = Options.Single(f => f.Name == row.Flag).Property;
            Assert.Equal(["--" + row.Flag], Translate(property, true));
            Assert.Equal(["--no-" + row.Flag], Translate(property, false));
        }
    }

    [Fact]
    public void Every_switch_option_is_written_only_when_it_is_on()
    {
        var switches = ReadCatalogue().Where(r => r.Value == "switch" && !NotAnOption.Contains(r.Flag)).ToList();
        Assert.Contains(switches, r => r.Flag == "call");

        foreach (var row in switches)
        {
            var property = Options.Single(f => f.Name == row.Flag).Property;
            Assert.Equal(["--" + row.Flag], Translate(property, true));
            Assert.Empty(Translate(property, false));
        }
    }

    [Fact]
    public void Each_option_takes_the_kind_of_value_waitress_expects()
    {
        foreach (var row in ReadCatalogue().Where(r => !NotAnOption.Contains(r.Flag)))
        {
            var expected = row.Value switch
            {
                "switch" or "negatable" => FlagKind.Boolean,
                "int" => FlagKind.Integer,
                "string" or "path" or "octal" => FlagKind.String, // octal stays text: "0660" and "660" must reach waitress as written
                "list" => FlagKind.List,
                _ => throw new InvalidDataException($"waitress.tsv: unexpected value kind '{row.Value}' for --{row.Flag}"),
            };

            Assert.True(
                Options.Single(f => f.Name == row.Flag).Kind == expected,
                $"--{row.Flag} is '{row.Value}' in the catalogue but {Options.Single(f => f.Name == row.Flag).Kind} in WaitressArgs");
        }
    }
}
