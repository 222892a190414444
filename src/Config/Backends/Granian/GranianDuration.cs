using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>Reads granian's duration options: whole seconds (<c>30</c>), or since granian 2.5.0 text such as <c>1h30m</c> or <c>45s</c>.</summary>
public static partial class GranianDuration
{
    /// <summary>Parses a duration.</summary>
    /// <param name="text">The option's text.</param>
    /// <returns>The duration, or <see langword="null"/> when granian would refuse the text.</returns>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        var match = Units().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return null;
        }

        static long Part(Group g) => g.Success ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        return TimeSpan.FromHours(Part(match.Groups["h"])) + TimeSpan.FromMinutes(Part(match.Groups["m"])) + TimeSpan.FromSeconds(Part(match.Groups["s"]));
    }

    /// <summary>Whether <paramref name="text"/> uses the unit form (<c>1h30m</c>), which needs granian 2.5.0.</summary>
    /// <param name="text">The option's text.</param>
    /// <returns><see langword="true"/> for the unit form.</returns>
    public static bool HasUnits(string? text) => text is not null && Parse(text) is not null && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^(?=\d)(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?\z")]
    private static partial Regex Units();
}
