namespace ProdServer.Config;

/// <summary>
/// A configured value as a message quotes it: in single quotes, and cut when long, so that one mistaken value (a file
/// pasted into a setting) makes one readable line rather than a line of a megabyte. Roslyn-free and compiled into the
/// analyzers too, so the build quotes a value as start-up does.
/// </summary>
internal static class Quoted
{
    /// <summary>The most characters of a value a message shows.</summary>
    public const int LongestShown = 100;

    /// <summary><c>'value'</c>, or its first <see cref="LongestShown"/> characters, an ellipsis and its length.</summary>
    /// <param name="value">The value as configured (<see langword="null"/> is quoted as empty).</param>
    /// <returns>The quoted value.</returns>
    public static string Value(string? value)
    {
        value ??= string.Empty;
        if (value.Length <= LongestShown)
        {
            return "'" + value + "'";
        }

        // Not in the middle of a surrogate pair.
        var cut = char.IsHighSurrogate(value[LongestShown - 1]) ? LongestShown - 1 : LongestShown;
        return "'" + value.Substring(0, cut) + "…' (" + value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters)";
    }
}
