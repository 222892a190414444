using System;
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

    /// <summary>
    /// Variables removed from the child's environment because they would silently change the server's options: inherited
    /// ones, and those an env file set (see <see cref="IgnoredFileEnvironment"/>).
    /// </summary>
    public IReadOnlyList<string> RemovedEnvironment { get; init; } = [];

    /// <summary>Names an env file set whose values were dropped, because they would silently change the server's options (only <c>Environment</c> may set them).</summary>
    public IReadOnlyList<string> IgnoredFileEnvironment { get; init; } = [];

    /// <summary>The signal that asks the server to stop gracefully (POSIX number; 15 is SIGTERM).</summary>
    public int StopSignal { get; init; } = Signals.SIGTERM;

    /// <summary>
    /// How often <see cref="StopSignal"/> is sent again while the server has not exited, or <see langword="null"/> to send it
    /// once (see <see cref="ServerBackend.GetStopSignalRepeat"/>).
    /// </summary>
    public TimeSpan? StopSignalRepeat { get; init; }

    /// <summary>
    /// Configuration files the server reads on its own from <see cref="WorkingDirectory"/> (gunicorn's <c>./gunicorn.conf.py</c>
    /// when no <c>--config</c> is given), which change its settings beyond the typed configuration.
    /// </summary>
    public IReadOnlyList<string> ImplicitConfigFiles { get; init; } = [];

    /// <summary>The command as one line a POSIX shell would run the same way.</summary>
    public string CommandLine => string.Join(' ', new[] { Executable }.Concat(Arguments).Select(ShellQuoting.Quote));

    /// <summary>
    /// The command as it is shown to people (dry-run text, <c>--check</c>, logs): always one line (bash <c>$'…'</c> quoting for
    /// control characters) and with URL passwords masked (<see cref="UrlCredentials"/>); otherwise the same as <see cref="CommandLine"/>.
    /// </summary>
    public string DisplayCommandLine =>
        string.Join(' ', new[] { Executable }.Concat(Arguments).Select(a => ShellQuoting.QuoteOneLine(UrlCredentials.Redact(a))));
}
