using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// An args record against its server's option catalogue (<c>../shared/reference/&lt;server&gt;.tsv</c>, written from the
/// server's own parser): nothing missing, nothing invented, booleans spelled the way the server accepts them, values of the
/// right kind, and the release each newer flag needs. A backend's coverage specs derive from this class and add only the
/// catalogue file and their justified exclusions.
/// </summary>
/// <typeparam name="TArgs">The args record.</typeparam>
public abstract class ReferenceCoverageSpecs<TArgs>
    where TArgs : class, IServerArgs, new()
{
    /// <summary>The catalogue's file name, for example <c>gunicorn.tsv</c>.</summary>
    protected abstract string CatalogueFile { get; }

    /// <summary>Catalogue flags (without dashes) that deliberately have no property, each with the reason.</summary>
    protected abstract IReadOnlyDictionary<string, string> Exclusions { get; }

    /// <summary>
    /// Whether the record's flags declare the release that added them (<c>[Flag(Since = …)]</c>), so the launcher can report a
    /// flag the installed server lacks. Records whose backend has no version check yet turn this off.
    /// </summary>
    protected virtual bool DeclaresReleases => true;

    /// <summary>The first release of the distribution: a flag "added" in it is in every release, so it declares no <c>Since</c>.</summary>
    protected virtual string? FirstRelease => null;

    /// <summary>Enum values the newest server takes that the catalogue's allowed column leaves to its note (say why in a comment).</summary>
    protected virtual IReadOnlyDictionary<string, string[]> EnumValuesBeyondCatalogue { get; } = new Dictionary<string, string[]>();

    /// <summary>Flags whose property deliberately takes another kind of value than the catalogue says, each with the reason in a comment.</summary>
    protected virtual IReadOnlyDictionary<string, FlagKind> KindExceptions { get; } = new Dictionary<string, FlagKind>();

    /// <summary>Switches that take a value (tornado: <c>--x=true</c>/<c>--x=false</c>), so both directions are written.</summary>
    protected virtual IReadOnlySet<string> ValueSwitches { get; } = new HashSet<string>();

    /// <summary>One catalogue row.</summary>
    protected sealed record Row(string Flag, string Value, string Repeatable, string SinceOrRemoved);

    /// <summary>The rows the newest release accepts (rows marked <c>removed</c> are left out, as the catalogue says).</summary>
    protected IReadOnlyList<Row> Catalogue()
    {
        var lines = File.ReadAllLines(Repository.SharedReference(CatalogueFile));
        var header = lines.First(l => !l.StartsWith('#')).Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{CatalogueFile} has no '{name}' column; header: {string.Join(", ", header)}");
        var (flag, value, repeatable, since) = (Column("flag"), Column("value"), Column("repeatable"), Column("since_or_removed"));

        var rows = lines
            .Where(l => !l.StartsWith('#') && l.Length > 0)
            .Skip(1) // the header
            .Select(l => l.Split('\t')) // tab only: a default may contain spaces or quotes
            .Select(c => new Row(LongName(c[flag]), c[value], c[repeatable], c[since]))
            .Where(r => !r.SinceOrRemoved.StartsWith("removed", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    private IEnumerable<Row> Covered() => Catalogue().Where(r => !Exclusions.ContainsKey(r.Flag));

    // "--threads" → "threads"; "--[no-]ipv4" → "ipv4".
    private static string LongName(string flag)
    {
        Assert.StartsWith("--", flag);
        var name = flag[2..];
        return name.StartsWith("[no-]", StringComparison.Ordinal) ? name["[no-]".Length..] : name;
    }

    private static IEnumerable<FlagInfo> Options => new TArgs().Flags.Where(f => f.Name.Length > 0);

    /// <summary>
    /// The property behind a catalogue flag: the same name, or for a negative-only switch (<c>--no-sendfile</c>) the
    /// positive name written with <see cref="BooleanStyle.NegativeSwitch"/>.
    /// </summary>
    private static FlagInfo? PropertyFor(string flag) =>
        Options.SingleOrDefault(f => f.Name == flag)
        ?? (flag.StartsWith("no-", StringComparison.Ordinal) ? Options.SingleOrDefault(f => f.Name == flag[3..] && f.Kind == FlagKind.Boolean) : null);

    /// <summary>The arguments a record with only <paramref name="property"/> set writes.</summary>
    protected static string[] Translate(string property, object value)
    {
        object args = new TArgs();
        typeof(TArgs).GetProperty(property)!.SetValue(args, value);
        var argv = new List<string>();
        ((TArgs)args).AppendArguments(argv);
        return [.. argv];
    }

    [Fact]
    public void Every_option_the_server_accepts_has_a_property_or_a_justified_exclusion()
    {
        var missing = Covered().Select(r => r.Flag).Where(f => PropertyFor(f) is null).ToList();

        Assert.True(missing.Count == 0, $"{CatalogueFile} options without a {typeof(TArgs).Name} property: {string.Join(", ", missing)}");
    }

    /// <summary>
    /// Every other spelling the catalogue's note gives a flag (<c>alias --events</c>, <c>aliases --venv, --pyhome</c>) is a
    /// configuration key of the record too: the server takes it, and a django-prodserver ARGS or an appsettings.json
    /// written with it was refused as "not an option" (celery's <c>events</c>).
    /// </summary>
    [Fact]
    public void Every_alias_the_server_accepts_for_a_flag_is_a_key_of_that_flag()
    {
        var lines = File.ReadAllLines(Repository.SharedReference(CatalogueFile));
        var header = lines.First(l => !l.StartsWith('#')).Split('\t');
        var (flag, note) = (Array.IndexOf(header, "flag"), Array.IndexOf(header, "note"));
        var aliases = ((IServerArgs)new TArgs()).KeyAliases;
        var missing = new List<string>();
        foreach (var columns in lines.Where(l => !l.StartsWith('#') && l.Length > 0).Skip(1).Select(l => l.Split('\t')))
        {
            var name = LongName(columns[flag]);
            if (Exclusions.ContainsKey(name) || PropertyFor(name) is not { } property || note < 0 || note >= columns.Length)
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match alias in System.Text.RegularExpressions.Regex.Matches(columns[note], @"(?<=\balias(?:es)? (?:--[\w-]+, )*)--(?<name>[\w-]+)"))
            {
                var key = alias.Groups["name"].Value;
                if (!(aliases.TryGetValue(key, out var target) && string.Equals(target, property.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    missing.Add($"--{key} (alias of --{name})");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{CatalogueFile} aliases that are not keys of {typeof(TArgs).Name}: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_record_has_no_option_the_server_does_not_accept_and_no_stale_exclusion()
    {
        var covered = Covered().Select(r => PropertyFor(r.Flag)?.Name).ToHashSet(StringComparer.Ordinal);

        var invented = Options.Where(f => !covered.Contains(f.Name)).Select(f => $"{f.Property} (--{f.Name})").ToList();

        Assert.True(invented.Count == 0, $"{typeof(TArgs).Name} properties the server would reject: {string.Join(", ", invented)}");
        var catalogue = Catalogue().Select(r => r.Flag).ToHashSet(StringComparer.Ordinal);
        Assert.All(Exclusions.Keys, excluded => Assert.Contains(excluded, catalogue));
        Assert.All(Exclusions.Keys, excluded => Assert.Null(Options.SingleOrDefault(f => f.Name == excluded)));
        Assert.All(Exclusions.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public void Every_negatable_option_is_written_as_the_bare_flag_or_its_no_form()
    {
        foreach (var row in Covered().Where(r => r.Value == "negatable"))
        {
            var property = PropertyFor(row.Flag)!.Property;
            Assert.Equal(["--" + row.Flag], Translate(property, true));
            Assert.Equal(["--no-" + row.Flag], Translate(property, false));
        }
    }

    [Fact]
    public void Every_switch_is_written_only_in_the_direction_the_server_has_a_flag_for()
    {
        foreach (var row in Covered().Where(r => r.Value == "switch"))
        {
            var flag = PropertyFor(row.Flag)!;
            if (ValueSwitches.Contains(row.Flag))
            {
                Assert.Equal(["--" + row.Flag + "=true"], Translate(flag.Property, true));
                Assert.Equal(["--" + row.Flag + "=false"], Translate(flag.Property, false));
            }
            else if (flag.Name == row.Flag)
            {
                Assert.Equal(["--" + row.Flag], Translate(flag.Property, true));
                Assert.Empty(Translate(flag.Property, false));
            }
            else
            {
                // A negative-only switch: false turns the feature off, true is the server's default and writes nothing.
                Assert.Equal(["--" + row.Flag], Translate(flag.Property, false));
                Assert.Empty(Translate(flag.Property, true));
            }
        }
    }

    [Fact]
    public void Each_option_takes_the_kind_of_value_the_server_expects()
    {
        foreach (var row in Covered())
        {
            var expected = KindExceptions.TryGetValue(row.Flag, out var exception) ? exception : row.Value switch
            {
                "switch" or "negatable" => FlagKind.Boolean,
                "int" => FlagKind.Integer,
                "float" => FlagKind.Number,
                "enum" => FlagKind.Enum,
                "list" => FlagKind.List,
                _ when row.Repeatable == "yes" => FlagKind.List,
                // text stays text: file modes ("0660" vs "660") and durations ("1h30m") must reach the server as written
                "string" or "path" or "octal" or "duration" => FlagKind.String,
                _ => throw new InvalidDataException($"{CatalogueFile}: unexpected value kind '{row.Value}' for --{row.Flag}"),
            };

            var actual = PropertyFor(row.Flag)!.Kind;
            Assert.True(actual == expected, $"--{row.Flag} is '{row.Value}' in {CatalogueFile} but {actual} in {typeof(TArgs).Name}");
        }
    }

    [Fact]
    public void Every_flag_added_after_the_oldest_release_in_use_names_that_release()
    {
        // "not in 20.1.0 (added 21.0.0)" and "no Debian package; added 2.5.0" name the release that added the flag itself;
        // a release named for a value ("winloop added 2.6.0") is a value-level rule, checked by the backend, not here.
        if (!DeclaresReleases)
        {
            return;
        }

        // The release may name its distribution ("not in Debian django-q 1.3.9 (added django-q2 1.5.0)", "added django-tasks 0.8.0").
        // A note may follow the release inside the parentheses: "not in 4.0.0 (added 4.2.2; 4.0.0 has no limit)".
        var added = new Regex(@"(?:^not in [^(]+\(added (?:[A-Za-z][\w-]* )?(?<v>\d[\d.]*)[);]|^(?:no Debian package; )?added (?:[A-Za-z][\w-]* )?(?<v>\d[\d.]*))");
        foreach (var row in Covered())
        {
            var match = added.Match(row.SinceOrRemoved);
            var expected = match.Success && match.Groups["v"].Value != FirstRelease ? match.Groups["v"].Value : null;
            var since = PropertyFor(row.Flag)!.Since;
            Assert.True(
                expected == since,
                $"--{row.Flag}: {CatalogueFile} says '{row.SinceOrRemoved}', {typeof(TArgs).Name} declares Since = {since ?? "null"}");
        }
    }

    [Fact]
    public void Every_enum_has_exactly_the_values_the_server_allows()
    {
        var catalogue = ReferenceTsv.Read(CatalogueFile);
        foreach (var flag in Options.Where(f => f.Kind == FlagKind.Enum && !Exclusions.ContainsKey(f.Name)))
        {
            var spellings = ArgsReflection.EnumSpellings<TArgs>(flag.Property, flag.Name);

            var extras = EnumValuesBeyondCatalogue.TryGetValue(flag.Name, out var more) ? more : [];
            Assert.Equal(catalogue.Allowed(flag.Name).Concat(extras).Order(), spellings.Order());
        }
    }
}
