namespace ProdServer.Config;

/// <summary>The control endpoint that <c>status</c>, <c>restart</c>, <c>tail</c>, … talk to (<c>ProdServer:Control</c>; see docs/operations.md).</summary>
public sealed class ProdServerControlOptions
{
    /// <summary>The default <see cref="TailLines"/>.</summary>
    public const int DefaultTailLines = 1000;

    /// <summary>The largest <see cref="TailLines"/>: with lines cut at 4096 characters, at most 80 MiB per process.</summary>
    public const int MaximumTailLines = SettingRules.MaximumTailLines;

    /// <summary>
    /// Whether the running host opens its control socket (<c>ProdServer:Control:Enabled</c>). <see langword="null"/>
    /// (the default): when it runs several processes or <c>--all</c>; <see langword="true"/> also for one process,
    /// <see langword="false"/> never.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The socket's path (<c>ProdServer:Control:Socket</c>); its directory must be this user's alone. Default
    /// <c>$XDG_RUNTIME_DIR/prodserver/&lt;app&gt;.sock</c>, else <c>/tmp/prodserver-&lt;uid&gt;/&lt;app&gt;.sock</c>
    /// (<c>/run/prodserver/&lt;app&gt;.sock</c> for root).
    /// </summary>
    public string? Socket { get; set; }

    /// <summary>How many recent output lines <c>tail</c> keeps per process, in memory (<c>ProdServer:Control:TailLines</c>). Default <see cref="DefaultTailLines"/>.</summary>
    public int TailLines { get; set; } = DefaultTailLines;
}
