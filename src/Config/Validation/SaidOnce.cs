using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Remembers what a host has already said. Its options are built more than once — for the entry point, then again for
/// ValidateOnStart's monitor — and a warning about a setting is worth one line, not one per build.
/// </summary>
internal sealed class SaidOnce
{
    private readonly HashSet<string> _said = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="message"/> is said for the first time (and is now remembered).</summary>
    /// <param name="message">The whole message, so that a changed value is said again.</param>
    /// <returns><see langword="true"/> the first time.</returns>
    public bool First(string message)
    {
        lock (_said)
        {
            return _said.Add(message);
        }
    }
}
