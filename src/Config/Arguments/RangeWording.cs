using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// What is wrong with a value outside a flag's declared range (<see cref="FlagAttribute.Minimum"/>/<see cref="FlagAttribute.Maximum"/>),
/// in the words of both the start-up check and the appsettings analyzer (this file is compiled into both).
/// </summary>
internal static class RangeWording
{
    /// <summary>"Threads must be at least 1, got 0." and the like, or <see langword="null"/> when <paramref name="value"/> is in range.</summary>
    /// <param name="property">The property's name, for example <c>Threads</c>.</param>
    /// <param name="minimum">The declared minimum, or <see langword="null"/>.</param>
    /// <param name="maximum">The declared maximum, or <see langword="null"/>.</param>
    /// <param name="value">The value.</param>
    /// <returns>A sentence, or <see langword="null"/>.</returns>
    public static string? Problem(string property, double? minimum, double? maximum, double value)
    {
        // NaN compares false with everything, so it is out of any declared range rather than silently inside it.
        if (!double.IsNaN(value) && !(value < minimum) && !(value > maximum))
        {
            return null;
        }

        var got = Text(value);
        return (minimum, maximum) switch
        {
            ({ } low, { } high) => $"{property} must be between {Text(low)} and {Text(high)}, got {got}.",
            (0, null) => $"{property} must be 0 or more, got {got}.",
            ({ } low, null) => $"{property} must be at least {Text(low)}, got {got}.",
            (null, { } high) => $"{property} must be at most {Text(high)}, got {got}.",
            _ => null,
        };
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
