using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// One flag an args record writes, with its value as set rather than as argv text, so that nothing needs to parse argv back
/// (<see cref="IServerArgs.WrittenFlags"/>).
/// </summary>
/// <param name="Flag">The flag, from the record's flag table.</param>
/// <param name="Value">
/// A <see cref="string"/> (an enum as the server spells it), a <see cref="long"/> for integers, a <see cref="double"/>, a
/// <see cref="bool"/>, or a <c>string[]</c> for lists and for the extra arguments (<see cref="FlagKind.Extra"/>).
/// </param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by apps
public sealed record FlagValue(FlagInfo Flag, object Value)
{
    /// <summary>Adds <paramref name="value"/> when it is set, as <see cref="ServerArgument.Value(IList{string}, string, string?)"/> writes it.</summary>
    /// <param name="values">The list being built.</param>
    /// <param name="flag">The flag.</param>
    /// <param name="value">The value; <see langword="null"/> adds nothing.</param>
    public static void Add(ICollection<FlagValue> values, FlagInfo flag, string? value)
    {
        if (value is not null)
        {
            values.Add(new FlagValue(flag, value));
        }
    }

    /// <summary>Adds an integer when it is set.</summary>
    /// <param name="values">The list being built.</param>
    /// <param name="flag">The flag.</param>
    /// <param name="value">The value; <see langword="null"/> adds nothing.</param>
    public static void Add(ICollection<FlagValue> values, FlagInfo flag, long? value)
    {
        if (value is { } v)
        {
            values.Add(new FlagValue(flag, v));
        }
    }

    /// <summary>Adds a number when it is set.</summary>
    /// <param name="values">The list being built.</param>
    /// <param name="flag">The flag.</param>
    /// <param name="value">The value; <see langword="null"/> adds nothing.</param>
    public static void Add(ICollection<FlagValue> values, FlagInfo flag, double? value)
    {
        if (value is { } v)
        {
            values.Add(new FlagValue(flag, v));
        }
    }

    /// <summary>
    /// Adds a boolean when <see cref="ServerArgument.Boolean"/> writes something for it: a <see cref="BooleanStyle.Switch"/>
    /// set to <see langword="false"/> and a <see cref="BooleanStyle.NegativeSwitch"/> set to <see langword="true"/> write nothing.
    /// </summary>
    /// <param name="values">The list being built.</param>
    /// <param name="flag">The flag.</param>
    /// <param name="value">The value; <see langword="null"/> adds nothing.</param>
    /// <param name="style">How the server spells the flag.</param>
    public static void Add(ICollection<FlagValue> values, FlagInfo flag, bool? value, BooleanStyle style)
    {
        if (value is { } on && !(style == BooleanStyle.Switch && !on) && !(style == BooleanStyle.NegativeSwitch && on))
        {
            values.Add(new FlagValue(flag, on));
        }
    }

    /// <summary>
    /// Adds a list when it writes something: <see cref="ServerArgument.Repeated"/> writes nothing for an empty list, and
    /// <see cref="ServerArgument.Joined"/> nothing when the joined text is empty.
    /// </summary>
    /// <param name="values">The list being built.</param>
    /// <param name="flag">The flag (or the extra arguments).</param>
    /// <param name="items">The items; <see langword="null"/> adds nothing.</param>
    /// <param name="separator">The joining separator, or <see langword="null"/> when the flag is repeated.</param>
    public static void Add(ICollection<FlagValue> values, FlagInfo flag, IEnumerable<string>? items, string? separator)
    {
        if (items is null)
        {
            return;
        }

        var array = new List<string>(items).ToArray();
        if (separator is null ? array.Length > 0 : string.Join(separator, array).Length > 0)
        {
            values.Add(new FlagValue(flag, array));
        }
    }
}
