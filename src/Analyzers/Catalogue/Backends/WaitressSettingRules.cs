using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The production advice for <c>waitress-serve</c> (see <c>../shared/reference/waitress.tsv</c> and
/// <c>docs/backends/waitress.md</c>): each check reads the settings, never the record, so code, JSON and the runtime
/// share it. Defaults are waitress 3.0.2's.
/// </summary>
internal sealed class WaitressSettingRules : SettingRuleSet
{
    private const long DefaultBacklog = 1024;
    private const long DefaultCleanupInterval = 30;
    private const long DefaultChannelTimeout = 120;

    // Owner and group read/write: what a reverse proxy in the socket's group needs, and no more.
    private const int WidestSocketMode = 0x1B0; // 0o660

    /// <inheritdoc/>
    public override string Backend => "Waitress";

    /// <inheritdoc/>
    public override string ArgsTypeName => "ProdServer.Config.WaitressArgs";

    /// <inheritdoc/>
    public override string? AppInterface => AppTargets.Wsgi;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Settings { get; } =
    [
        "ExposeTracebacks", "UnixSocket", "UnixSocketPerms", "Host", "Port", "Listen", "Threads", "ConnectionLimit", "Backlog",
        "CleanupInterval", "ChannelTimeout", "UrlScheme", "TrustedProxy", "TrustedProxyHeaders", "SendBytes",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<RuleInfo> Rules { get; } =
    [
        RuleMetadata.ExposeTracebacksInProduction, RuleMetadata.UnixSocketOnWindows, RuleMetadata.PrivilegedPort,
        RuleMetadata.ConflictingBindSettings, RuleMetadata.UnixSocketPermsTooWide, RuleMetadata.TooManyThreads,
        RuleMetadata.ConnectionLimitAboveBacklog, RuleMetadata.CleanupIntervalAboveChannelTimeout,
        RuleMetadata.HttpsSchemeWithoutTrustedProxy, RuleMetadata.DeprecatedSetting, RuleMetadata.TrustedProxyWithoutHeaders,
    ];

    /// <inheritdoc/>
    protected override void Evaluate(SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.GetBoolean("ExposeTracebacks") == true)
        {
            findings.Add(new(RuleMetadata.ExposeTracebacksInProduction, "ExposeTracebacks", "ExposeTracebacks"));
        }

        if (context.TargetsWindows && s.IsSet("UnixSocket"))
        {
            findings.Add(new(RuleMetadata.UnixSocketOnWindows, "UnixSocket", "UnixSocket"));
        }

        CheckPorts(s, findings);
        CheckBindConflicts(s, findings);

        if (s.GetString("UnixSocketPerms") is { } perms && TryParseOctal(perms, out var mode) && (mode & ~WidestSocketMode) != 0)
        {
            findings.Add(new(RuleMetadata.UnixSocketPermsTooWide, "UnixSocketPerms", "UnixSocketPerms", perms) { SafeValue = "660" });
        }

        if (s.GetInteger("Threads") is { } threads && threads > context.MaxThreads)
        {
            findings.Add(new(RuleMetadata.TooManyThreads, "Threads", "Threads", threads, context.MaxThreads) { SafeValue = (long)context.MaxThreads });
        }

        if (s.GetInteger("ConnectionLimit") is { } limit && Effective(s, "Backlog", DefaultBacklog) is { } backlog && limit > backlog)
        {
            findings.Add(new(RuleMetadata.ConnectionLimitAboveBacklog, "ConnectionLimit", "ConnectionLimit", limit, backlog));
        }

        if ((s.IsSet("CleanupInterval") || s.IsSet("ChannelTimeout"))
            && Effective(s, "CleanupInterval", DefaultCleanupInterval) is { } cleanup
            && Effective(s, "ChannelTimeout", DefaultChannelTimeout) is { } timeout
            && cleanup > timeout)
        {
            var at = s.IsSet("CleanupInterval") ? "CleanupInterval" : "ChannelTimeout";
            findings.Add(new(RuleMetadata.CleanupIntervalAboveChannelTimeout, at, "CleanupInterval", cleanup, timeout));
        }

        if (string.Equals(s.GetString("UrlScheme")?.Trim(), "https", StringComparison.OrdinalIgnoreCase) && !s.IsSet("TrustedProxy"))
        {
            findings.Add(new(RuleMetadata.HttpsSchemeWithoutTrustedProxy, "UrlScheme", "UrlScheme"));
        }

        if (s.IsSet("SendBytes"))
        {
            findings.Add(new(RuleMetadata.DeprecatedSetting, "SendBytes", "SendBytes", "waitress 2.0 and later flush output as soon as it is written"));
        }

        if (s.IsSet("TrustedProxy") && !s.IsSet("TrustedProxyHeaders"))
        {
            findings.Add(new(RuleMetadata.TrustedProxyWithoutHeaders, "TrustedProxy", "TrustedProxy"));
        }
    }

    private static void CheckPorts(SettingsBag s, List<RuleFinding> findings)
    {
        if (s.GetInteger("Port") is { } port and > 0 and < 1024)
        {
            findings.Add(new(RuleMetadata.PrivilegedPort, "Port", "Port", port));
        }

        foreach (var entry in s.GetList("Listen"))
        {
            // HOST:PORT, [v6]:PORT or *:PORT; the port follows the last colon. Entries may be space-separated.
            foreach (var address in entry.Split([' '], StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = address.LastIndexOf(':');
                if (colon >= 0 && int.TryParse(address.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 1024)
                {
                    findings.Add(new(RuleMetadata.PrivilegedPort, "Listen", "Listen", p));
                    return;
                }
            }
        }
    }

    private static void CheckBindConflicts(SettingsBag s, List<RuleFinding> findings)
    {
        var hostPort = Join(s, "Host", "Port");
        if (s.IsSet("UnixSocket"))
        {
            var others = Join(s, "Host", "Port", "Listen");
            if (others.Length > 0)
            {
                findings.Add(new(RuleMetadata.ConflictingBindSettings, "UnixSocket", "UnixSocket", others));
            }
        }
        else if (s.IsSet("Listen") && hostPort.Length > 0)
        {
            findings.Add(new(RuleMetadata.ConflictingBindSettings, "Listen", "Listen", hostPort));
        }
    }

    private static string Join(SettingsBag s, params string[] properties)
    {
        var set = new List<string>();
        foreach (var property in properties)
        {
            if (s.IsSet(property))
            {
                set.Add(property);
            }
        }

        return set.Count switch
        {
            0 => string.Empty,
            1 => set[0],
            _ => string.Join(", ", set.GetRange(0, set.Count - 1)) + " and " + set[set.Count - 1],
        };
    }

    // Unset: waitress's default. Set to a value only known at run time: unknown, so the rule stays quiet.
    private static long? Effective(SettingsBag s, string property, long defaultValue) =>
        s.IsSet(property) ? s.GetInteger(property) : defaultValue;

    // waitress reads --unix-socket-perms as base 8 whatever it looks like ("660", "0660").
    private static bool TryParseOctal(string text, out int mode)
    {
        mode = 0;
        text = text.Trim();
        if (text.Length == 0 || text.Length > 4)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '7')
            {
                return false;
            }

            mode = (mode * 8) + (c - '0');
        }

        return true;
    }
}
