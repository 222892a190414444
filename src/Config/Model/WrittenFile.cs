using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>A file a server creates or rewrites (a pid file, a log file, a Celery beat's schedule, a Unix socket), as configured.</summary>
/// <param name="Path">The path as configured; a relative one is from the server's working directory.</param>
/// <param name="Key">The setting that names it, for messages (<c>Args:PidFile</c>).</param>
internal readonly record struct WrittenFile(string Path, string Key)
{
    /// <summary>
    /// Whether the server puts placeholders in the path's directory (celery's <c>%n</c>, the node name), so which directory
    /// it writes is the server's to say, not checked before the start.
    /// </summary>
    public bool Templated { get; init; }

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
