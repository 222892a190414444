using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0002: a Unix socket is configured for a build that targets Windows.</summary>
    public static readonly UnixSocketOnWindowsRule UnixSocketOnWindows = Register(new UnixSocketOnWindowsRule());
}

/// <summary>PSC0002: A Unix socket is configured for a build that targets Windows.</summary>
internal sealed class UnixSocketOnWindowsRule() : SettingRule(
        "PSC0002",
        "Unix sockets are not available on Windows",
        "'{0}' is set but this build targets Windows, where waitress cannot serve a Unix socket; use Listen (\"127.0.0.1:8000\") behind your proxy instead.",
        "waitress only serves Unix sockets on POSIX systems; on Windows it stops with an error at start. " +
        "A build whose RuntimeIdentifier, TargetFramework (-windows) or TargetPlatformIdentifier names Windows gets this error.",
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["UnixSocket"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (context.TargetsWindows && s.IsSet("UnixSocket"))
        {
            findings.Add(new(this, "UnixSocket", "UnixSocket"));
        }
    }
}
