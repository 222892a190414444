using System;
using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0503: a Celery broker or result-backend URL written in code or a settings file holds a password.</summary>
    public static readonly CeleryUrlPasswordRule CeleryUrlPassword = Register(new CeleryUrlPasswordRule());
}

/// <summary>PSC0503: A Celery broker or result-backend URL written in code or a settings file holds a password.</summary>
internal sealed class CeleryUrlPasswordRule() : SettingRule(
        "PSC0503",
        "A Celery URL holds a password",
        "'{0}' holds a password in its URL; remove it from code and settings files: set {0} through an environment variable, or leave it unset and let the Celery app read its URL from the environment (an env file or a secret).",
        "A password written into code or appsettings.json ends up in source control, in build artefacts and in every copy of " +
        "the settings; passed as --broker it is also visible to anyone who can list processes. ProdServer masks it in what it " +
        "prints, but the safe place for it is the environment: an env file (--env-file, EnvFile) or a secret read by the app's settings.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.CeleryWorker, RuleBackends.CeleryBeat];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["Broker", "ResultBackend"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        // The setting's name only: the message must never carry the password it warns about.
        foreach (var setting in new[] { "Broker", "ResultBackend" })
        {
            if (HasPassword(s.GetString(setting)))
            {
                findings.Add(new(this, setting, setting));
            }
        }
    }

    // scheme://user:password@host… with a non-empty password (the runtime's UrlCredentials masks the same shape).
    private static bool HasPassword(string? url)
    {
        var scheme = url?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (scheme <= 0)
        {
            return false;
        }

        var rest = url!.Substring(scheme + 3);
        var end = rest.IndexOfAny(['/', '?', '#', ';']);
        var authority = end < 0 ? rest : rest.Substring(0, end);
        var at = authority.LastIndexOf('@');
        var colon = at < 0 ? -1 : authority.IndexOf(':');
        return colon >= 0 && colon < at - 1;
    }
}
