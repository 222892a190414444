using System;
using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0009: <c>UrlScheme = "https"</c> with no trusted proxy.</summary>
    public static readonly HttpsSchemeWithoutTrustedProxyRule HttpsSchemeWithoutTrustedProxy = Register(new HttpsSchemeWithoutTrustedProxyRule());
}

/// <summary>PSC0009: <c>UrlScheme = "https"</c> with no trusted proxy.</summary>
internal sealed class HttpsSchemeWithoutTrustedProxyRule() : SettingRule(
        "PSC0009",
        "UrlScheme is https without a trusted proxy",
        "'{0}' is \"https\" but no TrustedProxy is set: every request, even plain HTTP, looks secure to the app; set TrustedProxy and TrustedProxyHeaders = [XForwardedProto] so the proxy says which requests came over TLS.",
        "waitress does not speak TLS; a forced https scheme makes Django treat every request as secure (secure cookies, " +
        "redirects, CSRF origin checks) whatever the client used. Let the TLS-terminating proxy tell waitress instead.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["UrlScheme", "TrustedProxy"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (string.Equals(s.GetString("UrlScheme")?.Trim(), "https", StringComparison.OrdinalIgnoreCase) && !s.IsSet("TrustedProxy"))
        {
            findings.Add(new(this, "UrlScheme", "UrlScheme"));
        }
    }
}
