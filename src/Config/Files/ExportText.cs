using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// The rules every exported value obeys before a writer escapes it for its format: no character that starts a new line
/// or a new setting in any of them (control characters, Unicode line and paragraph separators, NEL), no noncharacter
/// U+FFFE/U+FFFF (outside YAML's printable set) and no broken UTF-16,
/// which no unit file, ini or YAML consumer reads back the same; and no bidirectional control (U+202A–U+202E,
/// U+2066–U+2069), which every format carries but which makes the line it is on display in another order than a tool
/// reads it (a "Trojan Source" line in a unit file under review). What cannot be carried is refused, never dropped.
/// </summary>
internal static class ExportText
{
    /// <summary>Refuses <paramref name="value"/> when it holds a character no export format can carry.</summary>
    /// <param name="owner">Whose setting it is, as the message shows it: <c>process 'web'</c>, <c>the export</c>.</param>
    /// <param name="key">The setting: <c>Readiness:Path</c>, <c>--exec</c>, …</param>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static string Carryable(string owner, string key, string value)
    {
        if (value.Length == 0)
        {
            throw Refused(owner, key, "is empty");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                throw Refused(owner, key, $"'{Printable(value)}' holds {Describe(c)}, which would end the line or setting it is written on in the exported file");
            }
            else if (Names.IsBidiControl(c))
            {
                throw Refused(owner, key, $"'{Printable(value)}' holds the bidirectional control U+{(int)c:X4}, which would make the exported line display in another order than it is read");
            }
        }

        return value;
    }

    /// <summary>The refusal, one line: <c>process 'web': Readiness:Path … </c>.</summary>
    public static ExportRefusedException Refused(string owner, string key, string problem) =>
        new($"{owner}: {key} {problem}.");

    /// <summary>How a process is named in a message, its name made printable.</summary>
    public static string Process(ProcessDefinition process) => $"process '{Printable(process.Name)}'";

    /// <summary>
    /// <paramref name="value"/> as it can be printed on one terminal line: control characters (ESC, CR, LF, …), line
    /// separators and lone surrogates as <c>\n</c>, <c>\x1b</c>, <c>\u2028</c>; long values shortened.
    /// </summary>
    public static string Printable(string value) => Printable(value, 80);

    /// <summary><paramref name="value"/> made printable as <see cref="Printable(string)"/> does, shortened only beyond <paramref name="shown"/> characters.</summary>
    public static string Printable(string value, int shown) => Names.Printable(value, shown);

    private static string Describe(char c) => c switch
    {
        '\uFFFE' or '\uFFFF' => "a Unicode noncharacter, which YAML cannot carry",
        '\n' => "a newline",
        '\r' => "a carriage return",
        _ when char.IsSurrogate(c) => "a broken UTF-16 surrogate",
        _ => "the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };
}
