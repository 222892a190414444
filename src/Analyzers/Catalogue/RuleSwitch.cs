using System;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The words of <c>ProdServer:Rules:PSC####</c> in configuration, which the runtime and the JSON checker both read:
/// <c>off</c> (or <c>none</c>, <c>false</c>) switches a rule off; <c>info</c>, <c>warning</c> and <c>error</c> set its severity.
/// </summary>
internal static class RuleSwitch
{
    /// <summary>The configuration section that holds the switches.</summary>
    public const string Section = "Rules";

    /// <summary>Whether <paramref name="value"/> switches a rule off.</summary>
    public static bool IsOff(string? value) =>
        value is not null && (Is(value, "off") || Is(value, "none") || Is(value, "false") || Is(value, "disabled"));

    /// <summary>The severity <paramref name="value"/> names, or <see langword="null"/> when it names none.</summary>
    public static RuleSeverity? Severity(string? value) => value switch
    {
        not null when Is(value, "error") => RuleSeverity.Error,
        not null when Is(value, "warning") || Is(value, "warn") => RuleSeverity.Warning,
        not null when Is(value, "info") || Is(value, "suggestion") => RuleSeverity.Info,
        _ => null,
    };

    private static bool Is(string value, string word) => string.Equals(value.Trim(), word, StringComparison.OrdinalIgnoreCase);
}
