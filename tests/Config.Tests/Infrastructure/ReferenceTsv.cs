using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// One command's option catalogue (<c>../shared/reference/*.tsv</c>, written from the server's own parser) checked against a
/// generated args record: nothing missing unless excluded with a reason, nothing invented, each value of the kind the server
/// parses, and every boolean spelled the way the server accepts it.
/// </summary>
internal sealed class ReferenceTsv
{
    private ReferenceTsv(string fileName, IReadOnlyList<Row> rows)
    {
        FileName = fileName;
        Rows = rows;
    }

    public string FileName { get; }

    /// <summary>Every option the newest release accepts (rows marked <c>removed</c> are left out).</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>One catalogue row; <see cref="Flag"/> is the long name without dashes or the <c>[no-]</c> marker.</summary>
    public sealed record Row(string Flag, string Value, string Allowed, string SinceOrRemoved, string Note);

    public static ReferenceTsv Read(string fileName)
    {
        var lines = File.ReadAllLines(Repository.SharedReference(fileName));
        var header = lines.First(l => !l.StartsWith('#')).Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{fileName} has no '{name}' column; header: {string.Join(", ", header)}");
        var (flag, value, allowed, since, note) = (Column("flag"), Column("value"), Column("allowed"), Column("since_or_removed"), Column("note"));

        var rows = lines
            .Where(l => !l.StartsWith('#') && l.Length > 0)
            .Skip(1) // the header
            .Select(l => l.Split('\t')) // tab only: a default may contain spaces or quotes
            .Select(c => new Row(LongName(c[flag]), c[value], c[allowed], c[since], c[note]))
            .Where(r => !r.SinceOrRemoved.StartsWith("removed", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(rows);
        return new ReferenceTsv(fileName, rows);
    }

    // "--threads" → "threads"; "--[no-]reload" → "reload".
    private static string LongName(string flag)
    {
        Assert.StartsWith("--", flag);
        var name = flag[2..];
        return name.StartsWith("[no-]", StringComparison.Ordinal) ? name["[no-]".Length..] : name;
    }

    /// <summary>Catalogue flags missing from <paramref name="flags"/> and not in <paramref name="excluded"/>.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<FlagInfo> flags, IReadOnlyDictionary<string, string> excluded)
    {
        var available = flags.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return Rows.Select(r => r.Flag).Where(f => !available.Contains(f) && !excluded.ContainsKey(f)).ToList();
    }

    /// <summary>Properties of <paramref name="flags"/> whose flag the catalogue does not list, plus excluded flags that have a property after all.</summary>
    public IReadOnlyList<string> Invented(IEnumerable<FlagInfo> flags, IReadOnlyDictionary<string, string> excluded)
    {
        var catalogue = Rows.Select(r => r.Flag).ToHashSet(StringComparer.Ordinal);
        return flags.Where(f => f.Name.Length > 0 && (!catalogue.Contains(f.Name) || excluded.ContainsKey(f.Name)))
            .Select(f => $"{f.Property} (--{f.Name})")
            .ToList();
    }

    /// <summary>Catalogue rows whose value kind differs from the property's, as "flag: catalogue vs record".</summary>
    public IReadOnlyList<string> KindMismatches(IEnumerable<FlagInfo> flags)
    {
        var byName = flags.Where(f => f.Name.Length > 0).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (var row in Rows.Where(r => byName.ContainsKey(r.Flag)))
        {
            FlagKind[] expected = row.Value switch
            {
                "switch" or "negatable" => [FlagKind.Boolean],
                "int" => [FlagKind.Integer],
                "float" => [FlagKind.Number],
                "enum" => [FlagKind.Enum],
                // Octal stays text: "022" and "18" must reach the server as written, since the leading 0 chooses the base.
                "string" or "path" or "octal" => [FlagKind.String],
                "list" => [FlagKind.List],
                _ => throw new InvalidDataException($"{FileName}: unexpected value kind '{row.Value}' for --{row.Flag}"),
            };
            if (!expected.Contains(byName[row.Flag].Kind))
            {
                mismatches.Add($"--{row.Flag}: '{row.Value}' in {FileName}, {byName[row.Flag].Kind} in the record");
            }
        }

        return mismatches;
    }

    /// <summary>
    /// Checks each boolean row against <paramref name="translate"/>: a switch is written bare when on and not at all when off
    /// (the servers reject <c>--x=true</c> and have no <c>--no-x</c>); a negatable flag as <c>--x</c> / <c>--no-x</c>.
    /// </summary>
    /// <param name="flags">The record's flag table.</param>
    /// <param name="excluded">Flags without a property.</param>
    /// <param name="translate">Sets one property to a value on a fresh record and returns the argv it writes.</param>
    /// <returns>How many boolean rows were checked.</returns>
    public int AssertBooleanSpellings(IEnumerable<FlagInfo> flags, IReadOnlyDictionary<string, string> excluded, Func<string, object, IReadOnlyList<string>> translate)
    {
        var byName = flags.Where(f => f.Name.Length > 0).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var checkedRows = 0;
        foreach (var row in Rows.Where(r => r.Value is "switch" or "negatable" && !excluded.ContainsKey(r.Flag)))
        {
            var property = byName[row.Flag].Property;
            Assert.Equal(["--" + row.Flag], translate(property, true));
            if (row.Value == "switch")
            {
                Assert.Empty(translate(property, false));
            }
            else
            {
                Assert.Equal(["--no-" + row.Flag], translate(property, false));
            }

            checkedRows++;
        }

        return checkedRows;
    }

    /// <summary>The allowed values of an enum row, split on <c>|</c>.</summary>
    public IReadOnlyList<string> Allowed(string flag) =>
        Rows.Single(r => r.Flag == flag).Allowed.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
