using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0005: the Unix socket's file mode grants more than owner and group read/write.</summary>
    public static readonly UnixSocketPermsTooWideRule UnixSocketPermsTooWide = Register(new UnixSocketPermsTooWideRule());
}

/// <summary>PSC0005: The Unix socket's file mode grants more than owner and group read/write.</summary>
internal sealed class UnixSocketPermsTooWideRule() : SettingRule(
        "PSC0005",
        "Unix socket permissions are too wide",
        "'{0}' is {1}, which lets users outside the socket's owner and group connect; use 660 (owner and group, e.g. the proxy's group) or stricter.",
        "Anyone who may write to the socket file can send requests that bypass the reverse proxy (and its TLS, " +
        "authentication and rate limits). Owner and group read/write (660) is all a proxy needs.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production)
{
    // Owner and group read/write: what a reverse proxy in the socket's group needs, and no more.
    private const int WidestSocketMode = 0x1B0; // 0o660

    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["UnixSocketPerms"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.GetString("UnixSocketPerms") is { } perms && WaitressSettings.TryParseOctal(perms, out var mode) && (mode & ~WidestSocketMode) != 0)
        {
            findings.Add(new(this, "UnixSocketPerms", "UnixSocketPerms", perms) { SafeValue = "660" });
        }
    }
}
