using System;

namespace ProdServer.Config;

/// <summary>A Django project's settings could not be read; the message is one line, ready to print.</summary>
internal sealed class DjangoSettingsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, as a sentence.</param>
    public DjangoSettingsException(string message)
        : base(message)
    {
    }
}
