namespace ProdServer.Config;

/// <summary>How much of systemd's sandboxing the exported units switch on (<c>export systemd --hardening=…</c>).</summary>
public enum ExportHardening
{
    /// <summary>
    /// Every sandboxing directive this export knows, and <c>DynamicUser=yes</c> unless a user is given: rated at most
    /// 2.0 ("OK") by <c>systemd-analyze security</c>. The default.
    /// </summary>
    Strict,

    /// <summary>
    /// The directives that rarely get in an app's way (a read-only OS, private /tmp and devices, no new privileges, no
    /// kernel tuning), and <c>DynamicUser=yes</c> unless a user is given; no system-call, namespace or address-family filters.
    /// </summary>
    Basic,

    /// <summary>No sandboxing at all and no dynamic user: the unit runs as <c>--user</c>, or as root.</summary>
    None,
}
