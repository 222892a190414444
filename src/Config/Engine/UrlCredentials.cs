using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>
/// Masks the password of every URL in a text (<c>redis://:secret@host/0</c> → <c>redis://:***@host/0</c>), for what is
/// printed or logged: dry-run text, <c>--check</c> output, the "Starting" log line, launch errors. The machine-readable
/// <c>--dry-run --json</c> keeps the exact values, since tools run exactly that command.
/// </summary>
internal static partial class UrlCredentials
{
    /// <summary>What a masked password is shown as.</summary>
    public const string Mask = "***";

    /// <summary>Replaces the password part of each <c>scheme://user:password@host</c> in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The text with passwords masked; the user name, host and path stay readable.</returns>
    public static string Redact(string text) =>
        text is null || !text.Contains("://", System.StringComparison.Ordinal) ? text! : Password().Replace(text, "${prefix}" + Mask);

    /// <summary>
    /// As <see cref="Redact"/>, and for a value written without its scheme (<c>guest:secret@host:5672//</c>, a broker URL
    /// missing <c>amqp://</c>) the part between the first <c>:</c> and the last <c>@</c> too: for a message that quotes a
    /// value because it is not the URL it should be.
    /// </summary>
    /// <param name="value">A value meant as a URL.</param>
    /// <returns>The value with any password masked.</returns>
    public static string RedactValue(string value)
    {
        if (value.Contains("://", System.StringComparison.Ordinal))
        {
            return Redact(value);
        }

        var at = value.LastIndexOf('@');
        var colon = at > 0 ? value.IndexOf(':', 0, at) : -1;
        return colon >= 0 && colon < at - 1 ? value[..(colon + 1)] + Mask + value[at..] : value;
    }

    /// <summary>A value meant as a URL, quoted for a message that refuses it: <see cref="RedactValue"/>, then <see cref="Config.Quoted.Value"/>.</summary>
    /// <param name="value">The value as configured.</param>
    /// <returns>The quoted value, any password masked.</returns>
    public static string Quoted(string? value) => Config.Quoted.Value(RedactValue(value ?? string.Empty));

    /// <summary>Whether <paramref name="url"/> holds a password (<c>scheme://user:password@…</c>).</summary>
    /// <param name="url">A URL.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool HasPassword(string? url) => url is not null && Password().IsMatch(url);

    // The password runs to the last '@' before the host, so an unencoded '@' inside it is masked too; ';'-separated failover
    // URLs (celery) are each masked.
    [GeneratedRegex(@"(?<prefix>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s/@:;]*:)(?<password>[^\s/]*?[^\s/@])(?=@[^\s/@]*(?:[/?#;\s]|\z))", RegexOptions.CultureInvariant)]
    private static partial Regex Password();
}
