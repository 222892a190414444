using System;

namespace ProdServer.Config;

/// <summary>A process could not be started; the message names the process and what to do.</summary>
public sealed class ServerLaunchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="processName">The process that could not start.</param>
    /// <param name="message">What went wrong, naming the process and the setting.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ServerLaunchException(string processName, string message, Exception? inner = null)
        : base(message, inner) => ProcessName = processName;

    /// <summary>The process that could not start.</summary>
    public string ProcessName { get; }
}
