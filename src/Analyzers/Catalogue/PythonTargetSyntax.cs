using System.Globalization;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The Python names a configuration gives: app targets servers import (<c>mysite.wsgi:application</c>, gunicorn's
/// <c>app:create_app()</c>, granian's <c>path/app.py:app</c>), modules and import paths (<c>mysite.settings</c>,
/// <c>myapp.workers.MyWorker</c>). One definition for the analyzers, the JSON checker and the start-up validators, so that
/// build time and start-up cannot disagree about a target.
/// </summary>
/// <remarks>
/// Identifiers are Python's (PEP 3131): a letter, a letter-like number or <c>_</c>, then those, combining marks, digits and
/// connector punctuation, in any script, as <c>import café.wsgi</c> accepts. Format and control characters (direction
/// overrides, zero-width joiners) are not identifier characters, so no target carries one. Plain loops rather than regexes:
/// a first start checks its app right after the fork, beside Python's import, where a regex's first match is the regex
/// engine's first-time code (~20 ms).
/// </remarks>
internal static class PythonTargetSyntax
{
    /// <summary><c>module:object</c>: dotted names on both sides of one colon (waitress, uvicorn, daphne, hypercorn).</summary>
    /// <param name="app">The target.</param>
    /// <returns>Whether it is that form.</returns>
    public static bool IsModuleObject(string app)
    {
        var colon = app.IndexOf(':');
        return colon > 0 && IsDottedName(app, 0, colon) && IsDottedName(app, colon + 1, app.Length - colon - 1);
    }

    /// <summary><c>module</c> or <c>module:object</c>, both dotted names; gunicorn's form with <paramref name="allowCall"/>.</summary>
    /// <param name="app">The target.</param>
    /// <param name="allowCall">
    /// Gunicorn's form: the object is one name, or a call of one name with arguments, <c>app:create_app(debug=False)</c>.
    /// Gunicorn parses it with <c>ast</c> and refuses an attribute chain (<c>app:obj.wsgi_app</c>: "Failed to parse … as an
    /// attribute name or function call", 20.1 and since), which the other servers resolve.
    /// </param>
    /// <returns>Whether it is that form.</returns>
    public static bool IsModuleTarget(string app, bool allowCall = false)
    {
        var colon = app.IndexOf(':');
        if (colon < 0)
        {
            return IsDottedName(app);
        }

        var end = app.Length;
        if (allowCall && app.IndexOf('(', colon) is var open and >= 0)
        {
            // "(...)" up to the end: anything but a newline between the parentheses.
            if (end - open < 2 || app[end - 1] != ')' || app.IndexOf('\n', open) >= 0)
            {
                return false;
            }

            end = open;
        }

        return IsDottedName(app, 0, colon) && (allowCall ? IsIdentifier(app, colon + 1, end - colon - 1) : IsDottedName(app, colon + 1, end - colon - 1));
    }

    /// <summary><c>path/to/file.py</c> or <c>path/to/file.py:object</c>: a path without white space or <c>:</c> ending in <c>.py</c>.</summary>
    /// <param name="app">The target.</param>
    /// <returns>Whether it is that form.</returns>
    public static bool IsFileTarget(string app)
    {
        var colon = app.IndexOf(':');
        var pathLength = colon < 0 ? app.Length : colon;
        if (colon >= 0 && !IsIdentifier(app, colon + 1, app.Length - colon - 1))
        {
            return false;
        }

        for (var i = 0; i < pathLength; i++)
        {
            if (char.IsWhiteSpace(app[i]))
            {
                return false;
            }
        }

        return pathLength > 3 && string.CompareOrdinal(app, pathLength - 3, ".py", 0, 3) == 0;
    }

    /// <summary>An import path to something inside a module: at least two identifiers joined by dots, <c>myapp.workers.MyWorker</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is one.</returns>
    public static bool IsImportPath(string text) => text.IndexOf('.') >= 0 && IsDottedName(text);

    /// <summary>Identifiers joined by dots: <c>mysite.wsgi</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is a dotted name.</returns>
    public static bool IsDottedName(string text) => IsDottedName(text, 0, text.Length);

    /// <summary>A Python identifier: <c>application</c>, <c>_private</c>, <c>café</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is one.</returns>
    public static bool IsIdentifier(string text) => IsIdentifier(text, 0, text.Length);

    private static bool IsDottedName(string text, int start, int length)
    {
        var end = start + length;
        while (true)
        {
            var dot = text.IndexOf('.', start, end - start);
            var partEnd = dot < 0 ? end : dot;
            if (!IsIdentifier(text, start, partEnd - start))
            {
                return false;
            }

            if (dot < 0)
            {
                return true;
            }

            start = dot + 1;
        }
    }

    private static bool IsIdentifier(string text, int start, int length)
    {
        if (length <= 0 || !IsIdentifierStart(text[start]))
        {
            return false;
        }

        for (var i = start + 1; i < start + length; i++)
        {
            if (!IsIdentifierStart(text[i]) && !IsIdentifierContinue(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // PEP 3131's ID_Start (Lu, Ll, Lt, Lm, Lo, Nl) and "_"; ASCII without the Unicode tables, as nearly every target is. A
    // character outside the Basic Multilingual Plane is a surrogate pair here, and is refused: no Django project names a
    // module in one.
    private static bool IsIdentifierStart(char c) => c < 0x80
        ? c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        : CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
            _ => false,
        };

    // ID_Continue adds Mn, Mc, Nd and Pc.
    private static bool IsIdentifierContinue(char c) => c < 0x80
        ? c >= '0' && c <= '9'
        : CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
}
