using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>What several waitress rules need: waitress 3.0.2's defaults and its ways of reading values (see <c>../shared/reference/waitress.tsv</c>).</summary>
internal static class WaitressSettings
{
    /// <summary>waitress's <c>--backlog</c> default.</summary>
    public const long DefaultBacklog = 1024;

    /// <summary>waitress's <c>--cleanup-interval</c> default, in seconds.</summary>
    public const long DefaultCleanupInterval = 30;

    /// <summary>waitress's <c>--channel-timeout</c> default, in seconds.</summary>
    public const long DefaultChannelTimeout = 120;

    /// <summary>
    /// The value of an integer setting as waitress will use it: its default when unset, <see langword="null"/> when set to
    /// a value only known at run time (so the rule stays quiet).
    /// </summary>
    public static long? Effective(SettingsBag s, string property, long defaultValue) =>
        s.IsSet(property) ? s.GetInteger(property) : defaultValue;

    /// <summary>Those of <paramref name="properties"/> that are set, as a message lists them: <c>Host, Port and Listen</c>.</summary>
    public static string JoinSet(SettingsBag s, params string[] properties)
    {
        var set = new List<string>();
        foreach (var property in properties)
        {
            if (s.IsSet(property))
            {
                set.Add(property);
            }
        }

        return set.Count switch
        {
            0 => string.Empty,
            1 => set[0],
            _ => string.Join(", ", set.GetRange(0, set.Count - 1)) + " and " + set[set.Count - 1],
        };
    }

    /// <summary>Reads a file mode as waitress reads <c>--unix-socket-perms</c>: base 8 whatever it looks like (<c>660</c>, <c>0660</c>).</summary>
    public static bool TryParseOctal(string text, out int mode)
    {
        mode = 0;
        text = text.Trim();
        if (text.Length == 0 || text.Length > 4)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '7')
            {
                return false;
            }

            mode = (mode * 8) + (c - '0');
        }

        return true;
    }
}
