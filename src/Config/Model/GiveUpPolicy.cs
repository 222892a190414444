namespace ProdServer.Config;

/// <summary>What the host does when one of several processes ends for good (gives up, or exits and is not restarted).</summary>
public enum GiveUpPolicy
{
    /// <summary>Stop every other process and exit with the ended process's code (honcho's behaviour). The default.</summary>
    StopAll,

    /// <summary>Keep the others running; the host exits when the last one ends, with the first failure's code.</summary>
    KeepOthers,
}
