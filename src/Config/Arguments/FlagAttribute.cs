using System;

namespace ProdServer.Config;

/// <summary>
/// Binds a property of a <see cref="ServerArgsAttribute"/> record to one long command-line flag.
/// A <see langword="null"/> value means the flag is not passed, so the server's own default applies.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class FlagAttribute : Attribute
{
    /// <summary>Creates the attribute for the flag <c>--<paramref name="name"/></c>.</summary>
    /// <param name="name">The flag's long name without the leading dashes, spelled exactly as the server does (<c>channel-timeout</c>).</param>
    public FlagAttribute(string name) => Name = name;

    /// <summary>The flag's long name without the leading dashes, for example <c>channel-timeout</c>.</summary>
    public string Name { get; }

    /// <summary>How a <see cref="bool"/> property is spelled. Required on boolean properties, because servers differ.</summary>
    public BooleanStyle Boolean { get; set; }

    /// <summary>
    /// For list properties: the separator that joins all values into one argument (<c>--flag=a b</c>).
    /// When <see langword="null"/> (the default) the flag is repeated once per value (<c>--flag=a --flag=b</c>).
    /// </summary>
    public string? Separator { get; set; }

    /// <summary>
    /// For list properties: whether the server splits one value on white space itself (waitress reads
    /// <c>--listen="127.0.0.1:8000 [::1]:8000"</c> as two addresses), so that one configured string is read as several
    /// values. Otherwise one configured string is one value, spaces and all, as the server takes one
    /// <c>--env="GREETING=hello world"</c>; a list with a <see cref="Separator"/> is split on it.
    /// </summary>
    public bool SplitsOnWhiteSpace { get; set; }

    /// <summary>
    /// The first release of the server that accepts this flag (<c>21.0.0</c>), when older releases still in use (a Linux
    /// distribution's package) reject it. Before launch, a process that writes the flag has the installed server's version
    /// checked, so an old server is reported by name instead of failing with a usage error. <see langword="null"/>: every release.
    /// </summary>
    public string? Since { get; set; }

    /// <summary>The first release of the server that no longer accepts this flag, checked like <see cref="Since"/>. <see langword="null"/>: never removed.</summary>
    public string? Removed { get; set; }

    /// <summary>
    /// For number properties: the smallest value the server accepts (<c>Minimum = 1</c> for a thread count). One declaration
    /// read by the start-up validation, the JSON schema of appsettings.json and the build-time check of appsettings*.json, so
    /// the three never disagree. <see cref="double.NaN"/> (the default): no lower bound.
    /// </summary>
    public double Minimum { get; set; } = double.NaN;

    /// <summary>For number properties: the largest value the server accepts (<c>Maximum = 65535</c> for a port), read like <see cref="Minimum"/>. <see cref="double.NaN"/>: no upper bound.</summary>
    public double Maximum { get; set; } = double.NaN;
}
