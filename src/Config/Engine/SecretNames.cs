using System;

namespace ProdServer.Config;

/// <summary>
/// Whether a variable's name says its value is a secret (<c>SECRET_KEY</c>, <c>DATABASE_PASSWORD</c>, <c>SENTRY_DSN</c>):
/// such a value is not printed where people read (dry-run text, the import's notes), as URL passwords are not
/// (<see cref="UrlCredentials"/>). A name is matched by words in it, so a harmless one may be masked too; that only hides
/// a value the machine-readable output still has.
/// </summary>
internal static class SecretNames
{
    /// <summary>The words, in any case, that make a name a secret's.</summary>
    public static readonly string[] Words = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "KEY", "CREDENTIAL", "DSN", "AUTH", "PRIVATE"];

    /// <summary>Whether <paramref name="name"/> holds one of <see cref="Words"/>.</summary>
    /// <param name="name">A variable's name.</param>
    public static bool Looks(string name)
    {
        foreach (var word in Words)
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
