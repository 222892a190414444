namespace ProdServer.Config;

/// <summary>Describes one flag of an <see cref="IServerArgs"/> record.</summary>
/// <param name="Property">The C# property name, for example <c>ChannelTimeout</c>.</param>
/// <param name="Name">The flag's long name without dashes, for example <c>channel-timeout</c>; empty for the extra-arguments list.</param>
/// <param name="Kind">What kind of value the flag takes.</param>
/// <param name="Since">The first server release that accepts the flag (<see cref="FlagAttribute.Since"/>); <see langword="null"/> for every release.</param>
/// <param name="Removed">The first server release that rejects the flag (<see cref="FlagAttribute.Removed"/>); <see langword="null"/> when never removed.</param>
/// <param name="Minimum">The smallest value accepted (<see cref="FlagAttribute.Minimum"/>); <see langword="null"/> for no lower bound.</param>
/// <param name="Maximum">The largest value accepted (<see cref="FlagAttribute.Maximum"/>); <see langword="null"/> for no upper bound.</param>
public sealed record FlagInfo(string Property, string Name, FlagKind Kind, string? Since = null, string? Removed = null, double? Minimum = null, double? Maximum = null);

/// <summary>The kind of value a flag takes.</summary>
public enum FlagKind
{
    /// <summary>A text value.</summary>
    String,
    /// <summary>An integer value.</summary>
    Integer,
    /// <summary>A floating-point value.</summary>
    Number,
    /// <summary>A boolean, spelled per <see cref="BooleanStyle"/>.</summary>
    Boolean,
    /// <summary>One of a fixed set of values.</summary>
    Enum,
    /// <summary>Several values, repeated or joined.</summary>
    List,
    /// <summary>Verbatim extra arguments (<see cref="ExtraArgsAttribute"/>).</summary>
    Extra,
}
