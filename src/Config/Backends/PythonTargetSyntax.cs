using System;

namespace ProdServer.Config;

/// <summary>
/// The Python names a configuration gives: app targets servers import (<c>mysite.wsgi:application</c>, gunicorn's
/// <c>app:create_app()</c>, granian's <c>path/app.py:app</c>), modules and import paths (<c>mysite.settings</c>,
/// <c>myapp.workers.MyWorker</c>), recognised with loops over ASCII rather than regexes: a first start checks its app right after
/// the fork, beside Python's import, and a regex's first match there is the regex engine's first-time code (~20 ms).
/// PythonTargetSyntaxSpecs compares each with the regex it replaces.
/// </summary>
internal static class PythonTargetSyntax
{
    /// <summary><c>module</c> or <c>module:object</c>, both dotted names of ASCII identifiers.</summary>
    /// <param name="app">The target.</param>
    /// <param name="allowCall">Whether the object may be called with arguments, <c>app:create_app(debug=False)</c> (gunicorn).</param>
    /// <returns>Whether it is that form.</returns>
    public static bool IsModuleTarget(string app, bool allowCall = false)
    {
        var colon = app.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return IsDottedName(app);
        }

        var target = app.AsSpan(colon + 1);
        if (allowCall && target.IndexOf('(') is var open and >= 0)
        {
            // "(.*)" up to the end: anything but a newline between the parentheses.
            var call = target[open..];
            if (call.Length < 2 || call[^1] != ')' || call.Contains('\n'))
            {
                return false;
            }

            target = target[..open];
        }

        return IsDottedName(app.AsSpan(0, colon)) && IsDottedName(target);
    }

    /// <summary><c>path/to/file.py</c> or <c>path/to/file.py:object</c>: a path without white space or <c>:</c> ending in <c>.py</c>.</summary>
    /// <param name="app">The target.</param>
    /// <returns>Whether it is that form.</returns>
    public static bool IsFileTarget(string app)
    {
        var colon = app.IndexOf(':', StringComparison.Ordinal);
        var path = colon < 0 ? app.AsSpan() : app.AsSpan(0, colon);
        if (colon >= 0 && !IsIdentifier(app.AsSpan(colon + 1)))
        {
            return false;
        }

        foreach (var c in path)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return path.Length > 3 && path.EndsWith(".py", StringComparison.Ordinal);
    }

    /// <summary>An import path to something inside a module: at least two identifiers joined by dots, <c>myapp.workers.MyWorker</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is one.</returns>
    public static bool IsImportPath(string text) => text.Contains('.', StringComparison.Ordinal) && IsDottedName(text);

    /// <summary>Identifiers joined by dots: <c>mysite.wsgi</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is a dotted name.</returns>
    public static bool IsDottedName(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var dot = text.IndexOf('.');
            if (!IsIdentifier(dot < 0 ? text : text[..dot]))
            {
                return false;
            }

            if (dot < 0)
            {
                return true;
            }

            text = text[(dot + 1)..];
        }
    }

    /// <summary>An ASCII identifier: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is one.</returns>
    public static bool IsIdentifier(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
