using System;
using System.Collections.Generic;
using System.Net;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0504: celery Flower listens beyond loopback (its default is every interface) without authentication.</summary>
    public static readonly FlowerWithoutAuthenticationRule FlowerWithoutAuthentication = Register(new FlowerWithoutAuthenticationRule());
}

/// <summary>PSC0504: Celery Flower listens beyond loopback (its default is every interface) without authentication.</summary>
internal sealed class FlowerWithoutAuthenticationRule() : SettingRule(
        "PSC0504",
        "Celery Flower serves everyone without authentication",
        "'{0}': Flower would listen on {1} without authentication, and anyone who reaches it can shut workers down and revoke tasks; set BasicAuth (user:password) or Auth with AuthProvider, or Address 127.0.0.1 behind an authenticating proxy.",
        "Flower's UI and API can shut down and restart workers, change pool sizes and rate limits, and revoke tasks. It has " +
        "no authentication unless --basic-auth or --auth is given, and without --address it listens on every interface " +
        "(0.0.0.0 and ::, although its banner says 127.0.0.1). Listening beyond loopback needs authentication; on loopback or " +
        "a Unix socket, an authenticating proxy in front can provide it. ProdServer's start-up validation refuses it too.",
        RuleCategories.Security, RuleSeverity.Error, RuleScope.Everywhere)
{
    // Where a finding about the whole listening setup is reported: the first of these the code or file sets.
    private static readonly string[] ListenSettings = ["Address", "Port", "UnixSocket", "Debug", "Auth", "BasicAuth"];

    /// <inheritdoc/>
    public override string? EnforcedAtStartBy => "CeleryFlowerArgsRules";

    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.CeleryFlower];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["Address", "Port", "UnixSocket", "BasicAuth", "Auth", "Debug"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (ServesEveryoneUnauthenticated(s) is { } where && Array.Find(ListenSettings, s.IsSet) is { } at)
        {
            findings.Add(new(this, at, at, where));
        }
    }

    /// <summary>
    /// Where flower would listen, when that is beyond loopback with no authentication; <see langword="null"/> when safe or
    /// not known (a value computed at run time counts as set: the start-up check judges it then). The condition, shared
    /// with <c>CeleryFlowerArgsRules</c>.
    /// </summary>
    public static string? ServesEveryoneUnauthenticated(SettingsBag s)
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
