using System;

namespace ProdServer.Config;

/// <summary>
/// A command's usage text, as waitress prints it in full after an error (<c>Error: Bad module …</c>): <c>Usage:</c> alone
/// on its line, then blank lines, indented lines and section headers ending in <c>options:</c>. The same ~150 lines at
/// every failed start, about the command's options rather than this run: the log keeps it at Debug as one entry
/// (<see cref="StreamLineLevels"/>), and a failure message's quote of the last lines leaves it out (<see cref="ErrorOutput"/>).
/// </summary>
internal static class UsageText
{
    /// <summary>Whether <paramref name="line"/> starts a usage text.</summary>
    public static bool Starts(string line) => line == "Usage:";

    /// <summary>Whether <paramref name="line"/>, in a usage text, is still part of it.</summary>
    public static bool Continues(string line) =>
        line.Length == 0 || char.IsWhiteSpace(line[0]) || line.EndsWith("options:", StringComparison.Ordinal);
}
