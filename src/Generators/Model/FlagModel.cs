namespace ProdServer.Config.Generators.Model;

/// <summary>One <c>[Flag]</c>, <c>[ExtraArgs]</c> or <c>[PositionalArgs]</c> property, reduced to what the emitter writes.</summary>
/// <param name="PropertyName">The property's name as text (for messages and configuration keys).</param>
/// <param name="PropertyIdentifier">The property's name as a C# identifier (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="FlagName">The flag's long name without dashes; empty for extra and positional arguments.</param>
/// <param name="Kind">How the value is written and read.</param>
/// <param name="BooleanStyle">The <c>BooleanStyle</c> member name for booleans; empty otherwise.</param>
/// <param name="Separator">For lists: the joining separator, or <see langword="null"/> to repeat the flag.</param>
/// <param name="EnumKey">For enums and enum lists: the key of the <see cref="EnumModel"/> to use; empty otherwise.</param>
/// <param name="Since">The first server release that accepts the flag, or <see langword="null"/>.</param>
/// <param name="Removed">The first server release that rejects the flag, or <see langword="null"/>.</param>
/// <param name="Minimum">The smallest value the flag accepts (<c>[Flag(Minimum = …)]</c>), or <see langword="null"/>.</param>
/// <param name="Maximum">The largest value the flag accepts (<c>[Flag(Maximum = …)]</c>), or <see langword="null"/>.</param>
/// <param name="Description">The property's documentation as plain text (XML summary or <c>[Description]</c>); empty when it has none.</param>
/// <param name="SplitsOnWhiteSpace">For string lists: whether the server splits one value on white space itself (<c>[Flag(SplitsOnWhiteSpace = true)]</c>), so one configured string is read as several values.</param>
internal sealed record FlagModel(
    string PropertyName,
    string PropertyIdentifier,
    string FlagName,
    FlagValueKind Kind,
    string BooleanStyle,
    string? Separator,
    string EnumKey,
    string? Since = null,
    string? Removed = null,
    double? Minimum = null,
    double? Maximum = null,
    string Description = "",
    bool SplitsOnWhiteSpace = false);
