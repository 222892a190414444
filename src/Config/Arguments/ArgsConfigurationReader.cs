using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>
/// Reads one process's <c>Args</c> configuration section for a generated <see cref="IServerArgs.Bind"/>.
/// Each key may be spelled as the property (<c>ChannelTimeout</c>) or as the server's flag (<c>channel-timeout</c>),
/// so a Django <c>ARGS</c> dict can be copied as it is. Problems are collected, not thrown, so that start-up
/// validation can report all of them at once; keys no property claimed are reported by <see cref="UnknownKeys"/>.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by apps
public sealed class ArgsConfigurationReader
{
    private readonly Dictionary<string, IConfigurationSection> _children;
    private readonly HashSet<string> _claimed = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _errors = [];
    private readonly HashSet<string> _conflicting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _aliases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a reader over <paramref name="section"/>.</summary>
    /// <param name="section">The <c>Args</c> section of one process.</param>
    public ArgsConfigurationReader(IConfigurationSection section)
        : this(section, new Dictionary<string, string>())
    {
    }

    /// <summary>Creates a reader over <paramref name="section"/> that also accepts other names for some flags.</summary>
    /// <param name="section">The <c>Args</c> section of one process.</param>
    /// <param name="aliases">Other key → the flag name it stands for (<c>log_access</c> → <c>access-log</c>); each alias is accepted with <c>_</c> or <c>-</c>.</param>
    public ArgsConfigurationReader(IConfigurationSection section, IReadOnlyDictionary<string, string> aliases)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var (alias, flag) in aliases)
        {
            if (!_aliases.TryGetValue(flag, out var names))
            {
                _aliases[flag] = names = [];
            }

            names.Add(alias.Replace('-', '_'));
            names.Add(alias.Replace('_', '-'));
        }

        Path = section.Path;
        _children = new Dictionary<string, IConfigurationSection>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            _children[child.Key] = child;
        }
    }

    /// <summary>The configuration path of the section, for example <c>ProdServer:Processes:web:Args</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// Told each value read from the section, after parsing, with the property it sets (<c>Workers</c>, <c>4</c>): how
    /// <c>import django-prodserver</c> learns what the binder made of each key without a second translation table.
    /// </summary>
    internal Action<string, object>? Observer { get; set; }

    /// <summary>
    /// How a problem names the value it is about, given the value's configuration path; <see langword="null"/>: by the path
    /// itself (<c>ProdServer:Processes:web:Args:threads</c>). The command line after <c>--</c> names the flag instead.
    /// </summary>
    internal Func<string, string>? PathDisplay { get; set; }

    private string Where(string path) => PathDisplay?.Invoke(path) ?? path;

    /// <summary>The properties two of whose spellings were both set (an error): the value read for them is one of the two.</summary>
    internal IReadOnlyCollection<string> Conflicting => _conflicting;

    /// <summary>Problems found so far, each naming the configuration key.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Keys in the section that no property claimed, with their full configuration paths.</summary>
    public IEnumerable<string> UnknownKeys => _children.Keys.Where(k => !_claimed.Contains(k)).Select(k => $"{Path}:{k}");

    /// <summary>Takes <paramref name="key"/> out of the unknown keys, for a key the caller reads itself.</summary>
    /// <param name="key">The key, for example <c>interface</c>.</param>
    /// <returns>Its section, or <see langword="null"/> when the key is absent.</returns>
    public IConfigurationSection? Claim(string key)
    {
        if (!_children.TryGetValue(key, out var section))
        {
            return null;
        }

        _claimed.Add(key);
        return section;
    }

    /// <summary>Reads a text value.</summary>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent.</param>
    /// <returns>The configured value, or <paramref name="current"/>.</returns>
    public string? String(string property, string flag, string? current) =>
        Find(property, flag) is { } s && ValueOf(s) is { } value ? Observed(property, value) : current;

    /// <summary>Reads a 32-bit integer in the invariant culture.</summary>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent or invalid.</param>
    /// <returns>The configured value, or <paramref name="current"/>.</returns>
    public int? Int32(string property, string flag, int? current) =>
        TryText(property, flag, out var section, out var text)
        && Accepted(property, section, text, int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value), value, "a whole number")
            ? value
            : current;

    /// <summary>Reads a 64-bit integer in the invariant culture.</summary>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent or invalid.</param>
    /// <returns>The configured value, or <paramref name="current"/>.</returns>
    public long? Int64(string property, string flag, long? current) =>
        TryText(property, flag, out var section, out var text)
        && Accepted(property, section, text, long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value), value, "a whole number")
            ? value
            : current;

    /// <summary>Reads a number in the invariant culture.</summary>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent or invalid.</param>
    /// <returns>The configured value, or <paramref name="current"/>.</returns>
    public double? Double(string property, string flag, double? current) =>
        TryText(property, flag, out var section, out var text)
        && Accepted(property, section, text, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value), value, "a number")
            ? value
            : current;

    /// <summary>Reads a boolean: <c>true</c>/<c>false</c> in any case (Python's <c>True</c> too), <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c>, <c>on</c>/<c>off</c>.</summary>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent or invalid.</param>
    /// <returns>The configured value, or <paramref name="current"/>.</returns>
    public bool? Boolean(string property, string flag, bool? current) =>
        TryText(property, flag, out var section, out var text)
        && Accepted(property, section, text, TryParseBoolean(text, out var value), value, "true or false")
            ? value
            : current;

    /// <summary>
    /// Reads a boolean that the server also spells <c>--no-<paramref name="flag"/></c>: the keys <c>no-flag</c> and <c>no_flag</c>
    /// are accepted too, <c>true</c> meaning off and <c>false</c> meaning on ("do not switch it off").
    /// </summary>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent or invalid.</param>
    /// <param name="negatable">Whether the server has the <c>--no-</c> spelling (generated from the flag's <see cref="BooleanStyle"/>).</param>
    /// <returns>The configured value, or <paramref name="current"/>.</returns>
    public bool? Boolean(string property, string flag, bool? current, bool negatable)
    {
        var value = Boolean(property, flag, current);
        if (!negatable || flag.Length == 0 || flag.StartsWith("no-", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var observer = Observer;
        Observer = null; // the negative key sets this property, reported below as such
        var negative = Boolean("No" + property, "no-" + flag, null);
        Observer = observer;
        if (negative is null)
        {
            return value;
        }

        if (HasAnySpelling(property, flag))
        {
            _errors.Add($"{Where(Path)}: '{flag}' and 'no-{flag}' both set {property}; keep one.");
            return value;
        }

        return Observed(property, !negative.Value);
    }

    /// <summary>Reads one enum value through the generated <paramref name="parse"/>, which accepts the member name or the server's spelling.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent or invalid.</param>
    /// <param name="parse">Parses one word, or returns <see langword="null"/>.</param>
    /// <param name="allowed">The server's spellings, for the error message.</param>
    /// <returns>The configured value, or <paramref name="current"/>.</returns>
    public TEnum? Enum<TEnum>(string property, string flag, TEnum? current, Func<string, TEnum?> parse, string allowed)
        where TEnum : struct, Enum =>
        Scalar(property, flag, current, "one of " + allowed, s => parse(s.Trim()));

    /// <summary>
    /// Reads a list of text values: either an array (<c>Env:0</c>, <c>Env:1</c>) or one value, kept whole as the server
    /// keeps one <c>--env=…</c> (<c>"Env": "GREETING=hello world"</c> is one entry, spaces and all). An empty value is an
    /// empty list, as <c>[]</c> is in configuration.
    /// </summary>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent.</param>
    /// <returns>The configured values, or <paramref name="current"/>.</returns>
    public IReadOnlyList<string>? StringList(string property, string flag, IReadOnlyList<string>? current) =>
        StringList(property, flag, current, separator: null);

    /// <summary>
    /// Reads a list of text values for a flag whose server splits one value itself: on <paramref name="separator"/>
    /// (celery's <c>--queues=a,b</c>; each piece trimmed), or on white space when it is <c>" "</c> (waitress's
    /// <c>--listen="a b"</c>, a positional list). With <see langword="null"/> one configured value is one entry, as in
    /// <see cref="StringList(string, string, IReadOnlyList{string}?)"/>.
    /// </summary>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent.</param>
    /// <param name="separator">The separator the server splits on, <c>" "</c> for white space, or <see langword="null"/> for none.</param>
    /// <returns>The configured values, or <paramref name="current"/>.</returns>
    public IReadOnlyList<string>? StringList(string property, string flag, IReadOnlyList<string>? current, string? separator) =>
        Find(property, flag) is { } s ? Observed(property, Words(s, separator, separator is null ? Split.Whole : Split.Separator).Select(w => w.Value).ToArray()) : current;

    /// <summary>Reads a list of enum values, as StringList does for text.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent or invalid.</param>
    /// <param name="parse">Parses one word, or returns <see langword="null"/>.</param>
    /// <param name="allowed">The server's spellings, for the error message.</param>
    /// <returns>The configured values, or <paramref name="current"/>.</returns>
    public IReadOnlyList<TEnum>? EnumList<TEnum>(string property, string flag, IReadOnlyList<TEnum>? current, Func<string, TEnum?> parse, string allowed)
        where TEnum : struct, Enum =>
        EnumList(property, flag, current, parse, allowed, separator: null);

    /// <summary>Reads a list of enum values, splitting one value on <paramref name="separator"/> too (see <see cref="StringList(string, string, IReadOnlyList{string}?, string?)"/>).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="property">The property name.</param>
    /// <param name="flag">The flag name without dashes.</param>
    /// <param name="current">The value to keep when the key is absent or invalid.</param>
    /// <param name="parse">Parses one word, or returns <see langword="null"/>.</param>
    /// <param name="allowed">The server's spellings, for the error message.</param>
    /// <param name="separator">The separator the server splits on, or <see langword="null"/> for white space only.</param>
    /// <returns>The configured values, or <paramref name="current"/>.</returns>
    public IReadOnlyList<TEnum>? EnumList<TEnum>(string property, string flag, IReadOnlyList<TEnum>? current, Func<string, TEnum?> parse, string allowed, string? separator)
        where TEnum : struct, Enum
    {
        if (Find(property, flag) is not { } section)
        {
            return current;
        }

        var values = new List<TEnum>();
        var valid = true;
        foreach (var (path, word) in Words(section, separator, Split.SeparatorOrWhiteSpace))
        {
            if (parse(word) is { } value)
            {
                values.Add(value);
            }
            else
            {
                _errors.Add($"{Where(path)}: {Quoted.Value(word)} is not one of {allowed}.");
                valid = false;
            }
        }

        return valid ? Observed(property, values) : current;
    }

    // An enum's value (the other scalars read through TryText and Accepted: see there).
    private T? Scalar<T>(string property, string flag, T? current, string expected, Func<string, T?> parse)
        where T : struct
    {
        if (!TryText(property, flag, out var section, out var text))
        {
            return current;
        }

        if (parse(text) is { } value)
        {
            return Observed(property, value);
        }

        Invalid(section, text, expected);
        return current;
    }

    // Int32, Int64, Double and Boolean read through TryText and Accepted rather than Scalar<T>: binding runs before a first
    // start's fork, and Scalar over a value type is generic code no ReadyToRun image holds, compiled there by the JIT.
    // An empty value is no value: JSON null reaches configuration as "", and null in appsettings.Production.json is how a
    // value set in appsettings.json is taken back (what the build's analyzers assume too), so a number, switch or enum
    // keeps the code's value or the server's default instead of failing as "'' is not a whole number".
    private bool TryText(string property, string flag, [NotNullWhen(true)] out IConfigurationSection? section, [NotNullWhen(true)] out string? text)
    {
        section = Find(property, flag);
        text = section is null ? null : ValueOf(section);
        return text is { Length: > 0 };
    }

    // After a parse: the value told to the observer, or the error added.
    private bool Accepted(string property, IConfigurationSection section, string text, bool parsed, object value, string expected)
    {
        if (parsed)
        {
            Observer?.Invoke(property, value);
        }
        else
        {
            Invalid(section, text, expected);
        }

        return parsed;
    }

    private void Invalid(IConfigurationSection section, string text, string expected) =>
        _errors.Add($"{Where(section.Path)}: {Quoted.Value(text)} is not {expected}.");

    private T Observed<T>(string property, T value)
        where T : notnull
    {
        Observer?.Invoke(property, value);
        return value;
    }

    // The key under any of its spellings (the property, the server's flag, the flag in snake case, the server's aliases);
    // two different keys for one property are an error. Plain lookups, no LINQ: binding runs before a first start's fork.
    private IConfigurationSection? Find(string property, string flag)
    {
        var found = Probe(property, null, property);
        if (flag.Length > 0)
        {
            found = Probe(flag, found, property);
            var snake = flag.Replace('-', '_');
            if (!ReferenceEquals(snake, flag))
            {
                found = Probe(snake, found, property);
            }
        }

        if (_aliases.TryGetValue(flag, out var aliases))
        {
            foreach (var alias in aliases)
            {
                found = Probe(alias, found, property);
            }
        }

        return found;
    }

    // Whether the section sets the property under its own name, its flag or the flag in snake case.
    private bool HasAnySpelling(string property, string flag) =>
        _children.ContainsKey(property) || _children.ContainsKey(flag) || _children.ContainsKey(flag.Replace('-', '_'));

    // A spelling met twice (the flag equal to the property but for case) finds the same section, which is no conflict.
    private IConfigurationSection? Probe(string key, IConfigurationSection? found, string property)
    {
        if (!_children.TryGetValue(key, out var section))
        {
            return found;
        }

        _claimed.Add(key);
        if (found is not null && !string.Equals(found.Key, section.Key, StringComparison.OrdinalIgnoreCase))
        {
            _errors.Add($"{Where(Path)}: {Quoted.Value(found.Key)} and {Quoted.Value(section.Key)} both set {property}; keep one.");
            _conflicting.Add(property);
        }

        return found ?? section;
    }

    private static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                value = true;
                return true;
            case "false" or "0" or "no" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    // The value of a key that must hold one value; an object there ({"Port": {"x": 1}}) is reported, not read as empty.
    private string? ValueOf(IConfigurationSection section)
    {
        if (section.Value is { } value)
        {
            return value;
        }

        if (section.GetChildren().Any())
        {
            _errors.Add($"{Where(section.Path)} must be one value, not an object or array.");
            return null;
        }

        return string.Empty;
    }

    // How one configured value of a list is read.
    private enum Split
    {
        // Whole, as the server takes one flag's value: a django-prodserver "raw_env": "GREETING=hello world" is one --env,
        // and splitting it would make a second, invalid entry of "world".
        Whole,

        // Where the server splits it: on its separator ("high,normal", "high, normal"), or on white space when that is the
        // separator (waitress's --listen, a positional list).
        Separator,

        // On the separator and on white space: enum values hold no spaces, so "x-forwarded-for x-forwarded-proto" reads too.
        SeparatorOrWhiteSpace,
    }

    private IEnumerable<(string Path, string Value)> Words(IConfigurationSection section, string? separator, Split split)
    {
        if (section.Value is { } scalar)
        {
            if (string.IsNullOrWhiteSpace(scalar))
            {
                return []; // what [] is in configuration: an empty list
            }

            if (split == Split.Whole)
            {
                return [(section.Path, scalar)];
            }

            char[] whiteSpace = [' ', '\t', '\r', '\n'];
            char[] separators = separator is not { Length: > 0 } || string.IsNullOrWhiteSpace(separator) ? whiteSpace
                : split == Split.Separator ? [.. separator]
                : [.. whiteSpace, .. separator];
            return scalar.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => (section.Path, w));
        }

        // An object or nested lists where a list belongs: an error naming the key, not a silently different list.
        var items = section.GetChildren().ToList();
        if (items.Exists(c => c.Key.Length == 0 || !c.Key.All(char.IsAsciiDigit)))
        {
            _errors.Add($"{Where(section.Path)} must be one value or an array of values, not an object.");
            return [];
        }

        if (items.Find(c => c.Value is null) is { } nested)
        {
            _errors.Add($"{Where(nested.Path)} must be one value, not an object or a list.");
            return [];
        }

        return items.Select(c => (c.Path, c.Value!));
    }
}
