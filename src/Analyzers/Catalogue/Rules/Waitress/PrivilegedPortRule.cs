using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0003: the server binds a port below 1024.</summary>
    public static readonly PrivilegedPortRule PrivilegedPort = Register(new PrivilegedPortRule());
}

/// <summary>PSC0003: The server binds a port below 1024.</summary>
internal sealed class PrivilegedPortRule() : SettingRule(
        "PSC0003",
        "Binding a privileged port",
        "'{0}' binds port {1}, below 1024, which needs root or CAP_NET_BIND_SERVICE; serve on a high port (8000) behind a reverse proxy or a load balancer instead.",
        "Ports below 1024 can only be bound by a privileged process. Running the Python server as root to get port 80 gives " +
        "every bug in the app root's rights; the usual layout is a proxy on 80/443 forwarding to the app on a high port.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["Port", "Listen"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.GetInteger("Port") is { } port and > 0 and < 1024)
        {
            findings.Add(new(this, "Port", "Port", port));
        }

        foreach (var entry in s.GetList("Listen"))
        {
            // HOST:PORT, [v6]:PORT or *:PORT; the port follows the last colon. Entries may be space-separated.
            foreach (var address in entry.Split([' '], StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = address.LastIndexOf(':');
                if (colon >= 0 && int.TryParse(address.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 1024)
                {
                    findings.Add(new(this, "Listen", "Listen", p));
                    return;
                }
            }
        }
    }
}
