namespace ProdServer.Config;

/// <summary>How a supervised process ended for good.</summary>
/// <param name="ExitCode">The exit code the host should end with on its account (never 0 when it gave up).</param>
/// <param name="GaveUp">Whether the engine gave up on it (too many failed starts, or a failure with <see cref="RestartPolicy.Never"/>).</param>
/// <param name="Message">Why it ended, for the log.</param>
internal sealed record SupervisorResult(int ExitCode, bool GaveUp, string Message);
