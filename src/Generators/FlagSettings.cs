namespace ProdServer.Config.Generators;

/// <summary>
/// The named arguments of one <c>[Flag]</c>, read from a <see cref="FoundAttribute"/> (Roslyn's or the syntax's), with the
/// attribute's defaults where one is not given.
/// </summary>
internal readonly struct FlagSettings
{
    // BooleanStyle members by value; the generator cannot reference ProdServer.Config, so it mirrors the enum here.
    internal static readonly string[] BooleanStyles = ["Unspecified", "Negatable", "Switch", "NegativeSwitch", "Value"];

    private FlagSettings(int booleanStyle, string? separator, bool splitsOnWhiteSpace, string? since, string? removed, double? minimum, double? maximum)
    {
        BooleanStyle = booleanStyle;
        Separator = separator;
        SplitsOnWhiteSpace = splitsOnWhiteSpace;
        Since = since;
        Removed = removed;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary><c>Boolean</c>: the <c>BooleanStyle</c> member's value, 0 (Unspecified) when not given.</summary>
    public int BooleanStyle { get; }

    /// <summary>Whether <see cref="BooleanStyle"/> names a style a boolean flag can be written in.</summary>
    public bool HasBooleanStyle => BooleanStyle > 0 && BooleanStyle < BooleanStyles.Length;

    public string? Separator { get; }

    public bool SplitsOnWhiteSpace { get; }

    public string? Since { get; }

    public string? Removed { get; }

    /// <summary><c>Minimum</c>, null when not given (the attribute's NaN).</summary>
    public double? Minimum { get; }

    /// <summary><c>Maximum</c>, null when not given (the attribute's NaN).</summary>
    public double? Maximum { get; }

    public static FlagSettings Of(FoundAttribute attribute)
    {
        var booleanStyle = 0;
        string? separator = null;
        var splitsOnWhiteSpace = false;
        string? since = null;
        string? removed = null;
        double? minimum = null;
        double? maximum = null;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Boolean" when named.Value is int style:
                    booleanStyle = style;
                    break;
                case "Separator":
                    separator = named.Value as string;
                    break;
                case "SplitsOnWhiteSpace" when named.Value is bool splits:
                    splitsOnWhiteSpace = splits;
                    break;
                case "Since":
                    since = named.Value as string;
                    break;
                case "Removed":
                    removed = named.Value as string;
                    break;
                case "Minimum" when named.Value is double low && !double.IsNaN(low):
                    minimum = low;
                    break;
                case "Maximum" when named.Value is double high && !double.IsNaN(high):
                    maximum = high;
                    break;
            }
        }

        return new FlagSettings(booleanStyle, separator, splitsOnWhiteSpace, since, removed, minimum, maximum);
    }
}
