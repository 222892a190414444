namespace ProdServer.Config;

/// <summary>The POSIX signal numbers the engine uses (Linux numbering), and their names for the log.</summary>
internal static class Signals
{
    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    /// <summary>A terminal's size changed: ignored unless handled (the same number on macOS).</summary>
    public const int SIGWINCH = 28;

    /// <summary>The name of a signal, for the log.</summary>
    public static string Name(int signal) => signal switch
    {
        SIGHUP => "SIGHUP", SIGINT => "SIGINT", SIGQUIT => "SIGQUIT", SIGKILL => "SIGKILL", 10 => "SIGUSR1", 12 => "SIGUSR2",
        SIGTERM => "SIGTERM", 21 => "SIGTTIN", 22 => "SIGTTOU", SIGWINCH => "SIGWINCH", _ => "signal " + signal,
    };
}
