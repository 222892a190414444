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





    /// <summary>The allowed values of an enum row, split on <c>|</c>.</summary>
    public IReadOnlyList<string> Allowed(string flag) =>
        Rows.Single(r => r.Flag == flag).Allowed.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
