using System;

namespace ProdServer.Config;

/// <summary>
/// What Python's <c>warnings.formatwarning</c> writes for one warning (Lib/warnings.py, <c>_formatwarnmsg_impl</c>), in
/// one write: the header <c>{file}:{line}: {Category}: {message}</c>, the message's further lines when it has line
/// breaks (Celery's SecurityWarning at a worker's start as root has six, blank ones among them), then the source line,
/// stripped and indented by two spaces (<c>  warnings.warn(…)</c>), when Python can read it; for a warning about an
/// object (ResourceWarning) then where the object was allocated (<c>Object allocated at (most recent call last):</c> and
/// indented frames) or <c>ResourceWarning: Enable tracemalloc to get the object allocation traceback</c>.
/// </summary>
/// <remarks>
/// A message's further lines carry no mark of their own: they are known to be the warning's only when its source line (or
/// the allocation lines) comes after them, within <see cref="MessageLines"/> lines and <see cref="MessageCharacters"/>
/// characters. <see cref="OutputRecords"/> holds them that long, then logs them as the lines they are.
/// </remarks>
internal static class PythonWarningText
{
    /// <summary>The most further lines of a message looked through for the source line that ends it.</summary>
    public const int MessageLines = 24;

    /// <summary>The most characters of a message's further lines looked through for the source line that ends it.</summary>
    public const int MessageCharacters = 8 * 1024;

    private const string AllocatedAt = "Object allocated at (most recent call last):";
    private const string EnableTracemalloc = "Warning: Enable tracemalloc to get the object allocation traceback";

    /// <summary>
    /// Whether <paramref name="line"/> is the header <c>warnings.showwarning</c> writes: <c>{file}:{line}: {Category}: {message}</c>,
    /// the category's name ending in "Warning" (UserWarning, DeprecationWarning, django.utils.deprecation.RemovedInDjango60Warning).
    /// </summary>
    public static bool IsHeader(string line)
    {
        const string Marker = "Warning: ";
        var category = line.IndexOf(Marker, StringComparison.Ordinal);
        while (category > 0 && (char.IsAsciiLetterOrDigit(line[category - 1]) || line[category - 1] is '_' or '.'))
        {
            category--;
        }

        var number = category - 2; // before ": "
        if (number < 1 || line[number] != ':' || line[number + 1] != ' ')
        {
            return false;
        }

        var digits = number;
        while (digits > 0 && char.IsAsciiDigit(line[digits - 1]))
        {
            digits--;
        }

        return digits < number && digits > 0 && line[digits - 1] == ':';
    }

    /// <summary>
    /// Whether <paramref name="line"/> ends a warning's message: its source line (indented text; Python writes two spaces
    /// and the stripped line) or the start of what is said about the object it concerns.
    /// </summary>
    public static bool EndsMessage(string line) => IsIndentedText(line) || IsAboutObject(line);

    /// <summary>Whether <paramref name="line"/>, after a warning's source line, still belongs to the warning.</summary>
    public static bool ContinuesAfterMessage(string line) => IsIndentedText(line) || IsAboutObject(line);

    /// <summary>
    /// Whether <paramref name="line"/> cannot be a further line of a warning's message: a line that starts a record of
    /// its own (a traceback, another warning; a line with a level is checked by the caller), which a message is not
    /// expected to hold.
    /// </summary>
    public static bool StartsOtherRecord(string line) =>
        line.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal) || IsHeader(line);

    // A line with text that starts with white space (a blank line is not).
    private static bool IsIndentedText(string line) => !string.IsNullOrWhiteSpace(line) && char.IsWhiteSpace(line[0]);

    // tracemalloc's frames of where the object was allocated, or "{Category}: Enable tracemalloc …" when it is not tracing.
    private static bool IsAboutObject(string line) =>
        line == AllocatedAt
        || (line.EndsWith(EnableTracemalloc, StringComparison.Ordinal) && !line.AsSpan(0, line.Length - EnableTracemalloc.Length).Contains(' '));
}
