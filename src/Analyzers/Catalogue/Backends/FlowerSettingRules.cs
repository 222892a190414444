using System;
using System.Collections.Generic;
using System.Net;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The production advice for Celery Flower (in Celery's block, PSC0504–PSC0505): authentication beyond loopback, and no
/// tornado debug mode. Flower serves a monitoring UI, not the app, so there is no app interface to match.
/// </summary>
internal sealed class FlowerSettingRules : SettingRuleSet
{
    // Where a finding about the whole listening setup is reported: the first of these the code or file sets.
    private static readonly string[] ListenSettings = ["Address", "Port", "UnixSocket", "Debug", "Auth", "BasicAuth"];

    /// <inheritdoc/>
    public override string Backend => "CeleryFlower";

    /// <inheritdoc/>
    public override string ArgsTypeName => "ProdServer.Config.CeleryFlowerArgs";

    /// <inheritdoc/>
    public override string? AppInterface => null;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Settings { get; } = ["Address", "Port", "UnixSocket", "BasicAuth", "Auth", "Debug"];

    /// <inheritdoc/>
    public override IReadOnlyList<RuleInfo> Rules { get; } = [RuleMetadata.FlowerWithoutAuthentication, RuleMetadata.FlowerDebug];

    /// <inheritdoc/>
    protected override void Evaluate(SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (ServesEveryoneUnauthenticated(s) is { } where && Array.Find(ListenSettings, s.IsSet) is { } at)
        {
            findings.Add(new(RuleMetadata.FlowerWithoutAuthentication, at, at, where));
        }

        if (s.GetBoolean("Debug") == true)
        {
            findings.Add(new(RuleMetadata.FlowerDebug, "Debug", "Debug"));
        }
    }

    // Where flower would listen, when that is beyond loopback with no authentication; null when safe or not known
    // (a value computed at run time counts as set: the start-up check judges it then).
    private static string? ServesEveryoneUnauthenticated(SettingsBag s)
    {
        if (Given(s, "BasicAuth") || Given(s, "Auth") || Given(s, "UnixSocket"))
        {
            return null;
        }

        if (!s.IsSet("Address") || s.GetString("Address") is "")
        {
            return "every interface (its default, although its banner says 127.0.0.1)";
        }

        return s.GetString("Address") is { } address && !IsLoopback(address) ? address : null;
    }

    // Set to anything but an empty string: a value, a value known only at run time, or a list. A list counts even when
    // it reads empty, because its elements computed at run time (["admin:" + password]) are left out of it here: a
    // wrongly empty list is the start-up validator's to refuse, never a build error on valid code.
    private static bool Given(SettingsBag s, string property) => s.IsSet(property) && s.GetString(property) is not "";

    private static bool IsLoopback(string address) =>
        string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
