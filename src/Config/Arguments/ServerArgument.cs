using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Formats flags into argv elements. Generated translators only call these methods, so every rule about
/// spelling (full names, <c>--name=value</c>, invariant culture, booleans per <see cref="BooleanStyle"/>) lives here, once.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by apps
public static class ServerArgument
{
    /// <summary>Appends <c>--name=value</c> when <paramref name="value"/> is not <see langword="null"/>.</summary>
    /// <param name="argv">The argument list.</param>
    /// <param name="name">The flag's long name without dashes.</param>
    /// <param name="value">The value; <see langword="null"/> skips the flag.</param>
    public static void Value(IList<string> argv, string name, string? value)
    {
        if (value is not null)
        {
            argv.Add(Format(name, value));
        }
    }

    /// <summary>Appends <c>--name=value</c> for an integer, formatted with the invariant culture.</summary>
    /// <param name="argv">The argument list.</param>
    /// <param name="name">The flag's long name without dashes.</param>
    /// <param name="value">The value; <see langword="null"/> skips the flag.</param>
    public static void Value(IList<string> argv, string name, long? value)
    {
        if (value is { } v)
        {
            argv.Add(Format(name, v.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Appends <c>--name=value</c> for a number, formatted with the invariant culture and round-trip precision.</summary>
    /// <param name="argv">The argument list.</param>
    /// <param name="name">The flag's long name without dashes.</param>
    /// <param name="value">The value; <see langword="null"/> skips the flag.</param>
    public static void Value(IList<string> argv, string name, double? value)
    {
        if (value is { } v)
        {
            argv.Add(Format(name, v.ToString("R", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Appends a boolean flag spelled per <paramref name="style"/>.</summary>
    /// <param name="argv">The argument list.</param>
    /// <param name="name">The flag's long name without dashes.</param>
    /// <param name="value">The value; <see langword="null"/> skips the flag.</param>
    /// <param name="style">How the server spells the flag.</param>
    public static void Boolean(IList<string> argv, string name, bool? value, BooleanStyle style)
    {
        if (value is not { } on)
        {
            return;
        }

        switch (style)
        {
            case BooleanStyle.Negatable:
                argv.Add(on ? "--" + name : "--no-" + name);
                break;
            case BooleanStyle.Switch:
                if (on) argv.Add("--" + name);
                break;
            case BooleanStyle.NegativeSwitch:
                if (!on) argv.Add("--no-" + name);
                break;
            case BooleanStyle.Value:
                argv.Add(Format(name, on ? "true" : "false"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(style), style, $"Flag --{name} has no boolean style.");
        }
    }

    /// <summary>Appends <c>--name=value</c> once per value.</summary>
    /// <param name="argv">The argument list.</param>
    /// <param name="name">The flag's long name without dashes.</param>
    /// <param name="values">The values; <see langword="null"/> skips the flag.</param>
    public static void Repeated(IList<string> argv, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            argv.Add(Format(name, value));
        }
    }

    /// <summary>Appends one <c>--name=a b c</c> with the values joined by <paramref name="separator"/>; nothing for an empty list.</summary>
    /// <param name="argv">The argument list.</param>
    /// <param name="name">The flag's long name without dashes.</param>
    /// <param name="values">The values; <see langword="null"/> skips the flag.</param>
    /// <param name="separator">The separator the server splits on.</param>
    public static void Joined(IList<string> argv, string name, IEnumerable<string>? values, string separator)
    {
        if (values is null)
        {
            return;
        }

        var joined = string.Join(separator, values);
        if (joined.Length > 0)
        {
            argv.Add(Format(name, joined));
        }
    }

    /// <summary>Appends extra arguments verbatim after checking each one (see <see cref="ExtraArgsAttribute"/>).</summary>
    /// <param name="argv">The argument list.</param>
    /// <param name="property">The property name, for the error message.</param>
    /// <param name="values">The extra arguments; <see langword="null"/> appends nothing.</param>
    /// <exception cref="ArgumentException">An entry does not start with <c>--</c> or contains a line break.</exception>
    public static void Extra(IList<string> argv, string property, IEnumerable<string>? values) =>
        AddChecked(argv, property, values, ExtraArgumentProblem);

    /// <summary>Says what is wrong with one extra argument, or returns <see langword="null"/> when it is acceptable.</summary>
    /// <param name="value">The extra argument.</param>
    /// <returns>A phrase such as "must start with --", or <see langword="null"/>.</returns>
    public static string? ExtraArgumentProblem(string? value)
    {
        if (value is null || !value.StartsWith("--", StringComparison.Ordinal) || value.Length == 2)
        {
            return "must be a long flag that starts with -- (a positional word would be taken for the app or a value)";
        }

        if (value.IndexOfAny(LineBreaks) >= 0)
        {
            return "must not contain a line break";
        }

        return null;
    }

    /// <summary>Appends positional arguments after checking each one (see <see cref="PositionalArgsAttribute"/>).</summary>
    /// <param name="argv">The argument list.</param>
    /// <param name="property">The property name, for the error message.</param>
    /// <param name="values">The positional arguments; <see langword="null"/> appends nothing.</param>
    /// <exception cref="ArgumentException">An entry is empty, starts with <c>-</c> or holds a control character.</exception>
    public static void Positional(IList<string> argv, string property, IEnumerable<string>? values) =>
        AddChecked(argv, property, values, PositionalArgumentProblem);

    // Each value as it is, once `problem` has nothing to say about it; a refused one is shown escaped and bounded, as
    // every name in a message: it reaches a terminal or a log line (a refused extra argument may hold a line break).
    private static void AddChecked(IList<string> argv, string property, IEnumerable<string>? values, Func<string?, string?> problem)
    {
        foreach (var value in values ?? [])
        {
            if (problem(value) is { } reason)
            {
                throw new ArgumentException($"{property} entry '{Names.Printable(value ?? string.Empty)}' {reason}.", property);
            }

            argv.Add(value);
        }
    }

    /// <summary>Says what is wrong with one positional argument, or returns <see langword="null"/> when it is acceptable.</summary>
    /// <param name="value">The positional argument.</param>
    /// <returns>A phrase such as "must not start with -", or <see langword="null"/>.</returns>
    public static string? PositionalArgumentProblem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "must not be empty";
        }

        // The server's parser would take "-x" for an option (and "--burst" would silently switch a mode on).
        if (value[0] == '-')
        {
            return "must not start with - (the server would read it as an option)";
        }

        return value.Any(char.IsControl) ? "must not contain a control character" : null;
    }

    /// <summary>
    /// Splits a long flag the user wrote (in <c>ExtraArgs</c> or after <c>--</c>): <c>--bind=x</c> → (<c>bind</c>, <c>x</c>),
    /// <c>--reload</c> → (<c>reload</c>, <see langword="null"/>). The one place that reads <c>--name=value</c> text; what the
    /// records write is read through <see cref="IServerArgs.WrittenFlags"/> instead.
    /// </summary>
    /// <param name="argument">The argument.</param>
    /// <returns>The name without dashes and the value, or <see langword="null"/> when it is not a long flag with a name.</returns>
    internal static (string Name, string? Value)? SplitLongFlag(string argument)
    {
        if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
        {
            return null;
        }

        var equals = argument.IndexOf('=', 2);
        return equals < 0 ? (argument[2..], null) : (argument[2..equals], argument[(equals + 1)..]);
    }

    /// <summary>The name of a long flag the user wrote (<c>--bind=x</c> → <c>bind</c>), or <see langword="null"/>.</summary>
    /// <param name="argument">The argument.</param>
    /// <returns>The name without dashes, or <see langword="null"/>.</returns>
    internal static string? FlagName(string argument) => SplitLongFlag(argument)?.Name;

    private static readonly char[] LineBreaks = ['\r', '\n'];

    // Always the full name with '=': getopt, argparse and click all accept it, and it cannot swallow the next word.
    private static string Format(string name, string value) => "--" + name + "=" + value;
}
