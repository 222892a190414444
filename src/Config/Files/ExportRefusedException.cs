using System;

namespace ProdServer.Config;

/// <summary>
/// An export that cannot be written safely: a name, value or path that the target's format cannot carry, two processes
/// that would share a file or unit, an unsafe default. The message is one line naming the process and the setting.
/// </summary>
public sealed class ExportRefusedException : Exception
{
    /// <summary>Creates the exception with its one-line <paramref name="message"/>.</summary>
    /// <param name="message">What is refused and how to fix it.</param>
    public ExportRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message (for serializers; prefer the one-line message).</summary>
    public ExportRefusedException()
    {
    }

    /// <summary>Creates the exception with its message and the cause.</summary>
    /// <param name="message">What is refused and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public ExportRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
