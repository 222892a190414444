using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// The start-up check of the ranges declared on the flags (<see cref="FlagAttribute.Minimum"/>, <see cref="FlagAttribute.Maximum"/>):
/// the same declaration the JSON schema and the build-time check of appsettings*.json read, so the three never disagree.
/// </summary>
internal static class DeclaredRanges
{
    /// <summary>One problem per set value outside its flag's declared range, named <c>Args:Property</c>.</summary>
    /// <param name="args">The options to check.</param>
    /// <param name="alreadyReported">Keys a validator already reported (with its own wording), so they are not said twice.</param>
    /// <returns>The problems, in flag order.</returns>
    public static IEnumerable<SettingProblem> Problems(IServerArgs args, ICollection<string> alreadyReported)
    {
        foreach (var written in args.WrittenFlags)
        {
            var flag = written.Flag;
            if (flag.Minimum is null && flag.Maximum is null)
            {
                continue;
            }

            var value = written.Value switch
            {
                long whole => (double?)whole,
                double number => number,
                _ => null,
            };
            var key = "Args:" + flag.Property;
            if (value is { } v && Describe(flag, v) is { } message && !alreadyReported.Contains(key))
            {
                yield return new SettingProblem(key, message);
            }
        }
    }

    /// <summary>What is wrong with <paramref name="value"/> for <paramref name="flag"/>, or <see langword="null"/> when it is in range.</summary>
    /// <param name="flag">The flag, with its declared range.</param>
    /// <param name="value">The value.</param>
    /// <returns>"Threads must be at least 1, got 0." and the like.</returns>
    public static string? Describe(FlagInfo flag, double value)
    {
        // NaN compares false with everything, so it is out of any declared range rather than silently inside it.
        var inRange = !double.IsNaN(value) && !(value < flag.Minimum) && !(value > flag.Maximum);
        if (inRange)
        {
            return null;
        }

        var got = Text(value);
        return (flag.Minimum, flag.Maximum) switch
        {
            ({ } low, { } high) => $"{flag.Property} must be between {Text(low)} and {Text(high)}, got {got}.",
            (0, null) => $"{flag.Property} must be 0 or more, got {got}.",
            ({ } low, null) => $"{flag.Property} must be at least {Text(low)}, got {got}.",
            (null, { } high) => $"{flag.Property} must be at most {Text(high)}, got {got}.",
            _ => null,
        };
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
