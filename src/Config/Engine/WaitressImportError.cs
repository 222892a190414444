using System;

namespace ProdServer.Config;

/// <summary>
/// How waitress reports the exception that importing the app raised, after its usage text: <c>There was an exception
/// (ModuleNotFoundError) importing your module.</c>, a blank line, <c>It had these arguments: </c>, then
/// <c>1. No module named 'mysite.nosettings'</c> and a blank line per argument (or <c>It had no arguments.</c>). Read
/// as one error entry (<see cref="StreamLineLevels"/>) and as the failure's reason (<see cref="ErrorOutput"/>).
/// </summary>
internal static class WaitressImportError
{
    private const string Prefix = "There was an exception (";
    private const string Suffix = ") importing your module.";
    private const string FirstArgumentMark = "1. ";

    /// <summary>The exception's type when <paramref name="line"/> starts the report, else <see langword="null"/>.</summary>
    public static string? Starts(string line) =>
        line.Length > Prefix.Length + Suffix.Length && line.StartsWith(Prefix, StringComparison.Ordinal) && line.EndsWith(Suffix, StringComparison.Ordinal)
            ? line[Prefix.Length..^Suffix.Length]
            : null;

    /// <summary>Whether <paramref name="line"/>, in the report, is still part of it.</summary>
    public static bool Continues(string line) =>
        line.Length == 0 || line.StartsWith("It had ", StringComparison.Ordinal) || IsArgument(line);

    /// <summary>The text of the first argument's line (<c>1. No module named 'x'</c>: the exception's message), or <see langword="null"/>.</summary>
    public static string? FirstArgument(string line) => line.StartsWith(FirstArgumentMark, StringComparison.Ordinal) ? line[FirstArgumentMark.Length..].Trim() : null;

    /// <summary>Whether <paramref name="line"/> says the exception had no arguments.</summary>
    public static bool NoArguments(string line) => line.StartsWith("It had no arguments", StringComparison.Ordinal);

    // An argument's line: its number (waitress counts from 1), ". ", the argument.
    private static bool IsArgument(string line)
    {
        var dot = line.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && dot <= 3 && line.AsSpan(0, dot).IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
