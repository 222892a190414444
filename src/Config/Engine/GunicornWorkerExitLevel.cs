using System;
using Microsoft.Extensions.Logging;

namespace ProdServer.Config;

/// <summary>
/// gunicorn 20's warning for a worker ended by SIGTERM, <c>[WARNING] Worker with pid 20108 was terminated due to signal 15</c>,
/// is information: gunicorn writes it for every worker of a graceful stop or a HUP reload, and its later versions log the same
/// event at INFO ("SIGTERM is expected during graceful shutdown"). Other signals (9, a timeout's 6) keep the warning.
/// </summary>
internal static class GunicornWorkerExitLevel
{
    private const string Head = "] [WARNING] Worker with pid ";
    private const string Tail = " was terminated due to signal 15";

    /// <summary>Information for gunicorn 20's SIGTERM line, else <see langword="null"/>.</summary>
    /// <param name="line">One line of output.</param>
    /// <returns>Information, or <see langword="null"/>.</returns>
    public static LogLevel? Find(ReadOnlySpan<char> line)
    {
        if (!line.EndsWith(Tail, StringComparison.Ordinal) || line.IndexOf(Head, StringComparison.Ordinal) is not (> 0 and var head))
        {
            return null;
        }

        var pid = line[(head + Head.Length)..^Tail.Length];
        return !pid.IsEmpty && pid.Length <= 10 && !pid.ContainsAnyExceptInRange('0', '9') ? LogLevel.Information : null;
    }
}
