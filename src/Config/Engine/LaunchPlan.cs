using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Exactly what is started for one process: the command, its arguments, where and with which extra environment.</summary>
/// <param name="ProcessName">The process name.</param>
/// <param name="Executable">The program started (a server command or a Python interpreter).</param>
/// <param name="Arguments">The arguments, one element each.</param>
/// <param name="WorkingDirectory">The absolute directory the child starts in.</param>
/// <param name="Environment">The variables set for the child on top of the host's environment.</param>
public sealed record LaunchPlan(
    string ProcessName,
    string Executable,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Variables read from <c>.env</c> files, set before <see cref="Environment"/> (which wins); never printed or logged.</summary>
    public IReadOnlyDictionary<string, string> FileEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Inherited variables removed from the child's environment because they would silently change the server's options.</summary>
    public IReadOnlyList<string> RemovedEnvironment { get; init; } = [];

    /// <summary>The signal that asks the server to stop gracefully (POSIX number; 15 is SIGTERM).</summary>
    public int StopSignal { get; init; } = Signals.SIGTERM;

    /// <summary>The command as one line a POSIX shell would run the same way.</summary>
    public string CommandLine => string.Join(' ', new[] { Executable }.Concat(Arguments).Select(ShellQuoting.Quote));
}
