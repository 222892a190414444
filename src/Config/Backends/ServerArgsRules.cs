using System;
using System.Globalization;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>Rules several servers share (ports, counts, file modes, extra arguments), so each validator states only what is its own.</summary>
internal static partial class ServerArgsRules
{
    /// <summary>Set means not empty: an empty value would reach the server as <c>--flag=</c>.</summary>
    public static void NotEmptyWhenSet(this ArgsProblems found, string? value, string name) =>
        found.If(value is not null && value.Trim().Length == 0, name, name + " must not be empty; leave it unset for the server's default.");

    /// <summary>
    /// Set means not white space, with the server's own words for what to set: an empty value would reach it as <c>--flag=</c>.
    /// </summary>
    public static void NotBlankWhenSet(this ArgsProblems found, string? value, string name, string message) =>
        found.If(value is not null && string.IsNullOrWhiteSpace(value), name, message);

    /// <summary>
    /// Each extra argument is a long flag on one line (see <see cref="ServerArgument.ExtraArgumentProblem"/>) that neither names
    /// a flag the typed record knows nor detaches the server or replaces its configuration (see <see cref="ServerFlagPolicy"/>).
    /// </summary>
    public static void ExtraArgs(this ArgsProblems found, IServerArgs args, IEnumerable<string>? entries)
    {
        if (entries is null)
        {
            return;
        }

        var index = 0;
        foreach (var entry in entries)
        {
            if (Problem(args, entry) is { } problem)
            {
                found.Add("ExtraArgs[" + index.ToString(CultureInfo.InvariantCulture) + "]", $"ExtraArgs entry '{Names.Printable(entry ?? string.Empty)}' {problem}.");
            }

            index++;
        }
    }

    /// <summary>Whether <paramref name="entry"/> is KEY=VALUE with a key.</summary>
    public static bool IsKeyValue(string? entry) => entry is not null && entry.IndexOf('=', StringComparison.Ordinal) > 0;

    /// <summary>Whether <paramref name="name"/> can be one entry of a comma-separated list of names: not empty, no comma, no white space.</summary>
    public static bool IsQueueName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c == ',' || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value as FluentValidation's <c>{PropertyValue}</c> showed it, for the messages that quote a number.</summary>
    public static string Shown(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <inheritdoc cref="Shown(double?)"/>
    public static string Shown(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string? Problem(IServerArgs args, string? entry) =>
        ServerArgument.ExtraArgumentProblem(entry) ?? ServerFlagPolicy.Problem(args, entry!, typedFlagsAllowed: false);

    /// <summary>Refuses <paramref name="mode"/> when it is not a file mode the server reads as meant (<see cref="FileModeProblem"/>).</summary>
    public static void FileMode(this ArgsProblems found, string name, string? mode, int maximum)
    {
        if (FileModeProblem(name, mode, maximum) is { } problem)
        {
            found.Add(name, problem);
        }
    }

    /// <summary>
    /// A file mode the way gunicorn, celery and granian read it (Python's <c>int(x, 0)</c>-like rule): a leading <c>0</c> or
    /// <c>0o</c> means octal, bare digits are decimal. Bare digits that look like an octal mode (<c>660</c>, <c>22</c>) are
    /// almost always a mistake, so they are refused with the spelling that was meant.
    /// </summary>
    /// <returns>What is wrong, or <see langword="null"/>.</returns>
    public static string? FileModeProblem(string name, string? mode, int maximum)
    {
        if (mode is null)
        {
            return null;
        }

        if (OctalMode().IsMatch(mode))
        {
            var digits = mode.TrimStart('0', 'o', 'O');
            var value = digits.Length == 0 ? 0 : Convert.ToInt32(digits, 8);
            return value <= maximum ? null : $"{name} {Quoted.Value(mode)} is above the largest mode {Convert.ToString(maximum, 8)} (octal).";
        }

        if (DecimalDigits().IsMatch(mode))
        {
            return $"{name} {Quoted.Value(mode)} has no leading 0, so the server reads it as decimal {mode} (octal {Convert.ToString(int.Parse(mode, CultureInfo.InvariantCulture), 8)}); write '0{mode}' for the octal mode {mode}.";
        }

        return $"{name} must be an octal file mode with a leading 0, such as 0022 or 0o660, got {Quoted.Value(mode)}.";
    }

    [GeneratedRegex("^0([oO]?[0-7]+)?\\z")]
    private static partial Regex OctalMode();

    [GeneratedRegex("^[1-9][0-9]{0,8}\\z")]
    private static partial Regex DecimalDigits();
}
