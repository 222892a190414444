using System.Linq;

namespace ProdServer.Config;

/// <summary>POSIX shell quoting, so a printed command can be pasted into a shell and run unchanged.</summary>
public static class ShellQuoting
{
    /// <summary>Quotes <paramref name="word"/> only when the shell would otherwise split or expand it.</summary>
    /// <param name="word">One argument.</param>
    /// <returns>The word, quoted with single quotes when needed.</returns>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(IsSafe))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''") + "'";
    }

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '@' or '%' or '+';
}
