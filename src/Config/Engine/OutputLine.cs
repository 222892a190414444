using System;
using System.Collections;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// The state of the log entry for one line of a server's output (or one record of several lines, such as a traceback,
/// joined by <c>\n</c>: see <see cref="OutputRecords"/>): the message is the text itself, and structured loggers see it
/// as <c>Line</c> with the template <c>{Line}</c>, as <c>LogInformation("{Line}", line)</c> gives them.
/// Unlike that call it allocates nothing and formats nothing per line: no argument array, no template lookup, no copy of
/// the line (at thousands of access-log lines a second, those were a good part of the launcher's CPU per line).
/// </summary>
internal readonly struct OutputLine(string line) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The formatter to pass to <c>ILogger.Log</c>: the line as it is.</summary>
    public static readonly Func<OutputLine, Exception?, string> Format = static (state, _) => state.ToString();

    /// <inheritdoc/>
    public int Count => 2;

    /// <inheritdoc/>
    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Line", line),
        1 => new("{OriginalFormat}", "{Line}"),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The line.</summary>
    public override string ToString() => line;
}
