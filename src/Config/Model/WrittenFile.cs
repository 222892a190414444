using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>A file a server creates or rewrites (a pid file, a log file, a Celery beat's schedule, a Unix socket), as configured.</summary>
/// <param name="Path">The path as configured; a relative one is from the server's working directory.</param>
/// <param name="Key">The setting that names it, for messages (<c>Args:PidFile</c>).</param>
internal readonly record struct WrittenFile(string Path, string Key)
{
    /// <summary>
    /// Whether which directory the server writes it in is the server's to say, so it is not checked before the start: a
    /// placeholder in the directory (celery's <c>%n</c>, the node name), or a relative path under a directory the server
    /// changes into at a moment not verified here (uWSGI's <c>--chdir</c>, granian's <c>--working-dir</c>).
    /// </summary>
    public bool Templated { get; init; }

    /// <summary>This file, left to the server (<see cref="Templated"/>) when it is relative and <paramref name="directory"/> is set.</summary>
    /// <param name="directory">A directory the server changes into, at a moment not verified.</param>
    public WrittenFile UnderUnverifiedChdir(string? directory) =>
        directory is { Length: > 0 } && !System.IO.Path.IsPathRooted(Path) ? this with { Templated = true } : this;

    /// <summary>
    /// Whether the server replaces the file rather than writing into it: gunicorn renames a new pid file over the old one,
    /// celery unlinks a stale one and creates it anew, a server unlinks a socket left behind and binds a new one. What
    /// decides is then whether it may create files in the directory, whoever owns the file there now.
    /// </summary>
    public bool Replaced { get; init; }

    /// <summary>This file, marked as replaced by the server (<see cref="Replaced"/>).</summary>
    public WrittenFile AsReplaced() => this with { Replaced = true };

    /// <summary>This file, a relative path taken from <paramref name="directory"/> (a server's own chdir: gunicorn's <c>--chdir</c>, celery's <c>--workdir</c>) when one is set.</summary>
    /// <param name="directory">The directory the server changes into before it writes the file, or <see langword="null"/>.</param>
    public WrittenFile From(string? directory) => directory is { Length: > 0 } ? this with { Path = System.IO.Path.Combine(directory, Path) } : this;

    /// <summary>The files among <paramref name="candidates"/> that are set, each keyed <c>Args:NAME</c>; <c>-</c> (the server's stdout or stderr) is no file.</summary>
    /// <param name="candidates">Each setting's value and its name in the args.</param>
    /// <returns>The files.</returns>
    public static IEnumerable<WrittenFile> Set(params (string? Path, string Name)[] candidates)
    {
        foreach (var (path, name) in candidates)
        {
            if (path is { Length: > 0 } && path != "-")
            {
                yield return new WrittenFile(path, "Args:" + name);
            }
        }
    }
}
