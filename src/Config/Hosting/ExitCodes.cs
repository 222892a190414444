namespace ProdServer.Config;

/// <summary>The exit codes of the entry point, besides the server's own.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The configuration is invalid, or a server could not be started.</summary>
    public const int InvalidConfiguration = 1;

    /// <summary>The command line is wrong, for example an unknown process name.</summary>
    public const int Usage = 2;

    /// <summary>A control command (<c>status</c>, <c>restart</c>, …) found no running host to talk to.</summary>
    public const int NoHost = 3;
}
