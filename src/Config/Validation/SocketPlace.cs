using System;
using System.Collections.Generic;
using System.IO;

namespace ProdServer.Config;

/// <summary>
/// Where one of a process's Unix sockets is, as the check across processes (<see cref="ListenUniqueness"/>) compares them:
/// the path as written, resolved from the directory its server binds it from — the process's WorkingDirectory, then the
/// directory the server changes into first (<see cref="ServerBackend.GetBindDirectory"/>, gunicorn's <c>--chdir</c>).
/// </summary>
/// <remarks>
/// Resolved by the text alone (<c>.</c> and <c>..</c> folded, no file system), because validation runs before anything
/// exists, and from the content root when it is known (the host's validation, and the early check beside the first spawn).
/// Without it (a caller of the validator that has no host environment) a relative WorkingDirectory stays relative to that
/// root, which every process shares, so two such paths are still the same socket exactly when they are equal; an absolute
/// path and one relative to the content root are then not compared. Symbolic links are not followed: the engine's check before each start, which asks
/// the socket itself (<see cref="UnixSockets.FindConflict"/>), sees those.
/// </remarks>
/// <param name="Resolved">The path, absolute (starting with <c>/</c>) or relative to the content root.</param>
/// <param name="Written">The path as configured.</param>
/// <param name="From">The directory a relative <paramref name="Written"/> is taken from, as <paramref name="Resolved"/> is.</param>
internal sealed record SocketPlace(string Resolved, string Written, string From)
{
    /// <summary>Where <paramref name="socket"/>, one of <paramref name="process"/>'s Unix sockets, is.</summary>
    /// <param name="process">The process.</param>
    /// <param name="socket">One of its <see cref="ServerBackend.GetUnixSockets"/>.</param>
    /// <param name="contentRoot">The content root, when known and absolute: every path is then absolute.</param>
    public static SocketPlace Of(ProcessDefinition process, string socket, string? contentRoot = null)
    {
        var root = contentRoot is { Length: > 0 } && Path.IsPathFullyQualified(contentRoot) ? contentRoot : ".";
        return At(process, socket, Fold([root, process.WorkingDirectory ?? "."]));
    }

    /// <summary>
    /// Where <paramref name="socket"/> is when <paramref name="process"/>'s working directory is <paramref name="workingDirectory"/>
    /// (absolute, or relative to the content root): the engine's resolution before a start and the export's, as well as the
    /// validation's (<see cref="Of"/>).
    /// </summary>
    /// <param name="process">The process.</param>
    /// <param name="socket">One of its <see cref="ServerBackend.GetUnixSockets"/>.</param>
    /// <param name="workingDirectory">Its working directory, resolved.</param>
    public static SocketPlace At(ProcessDefinition process, string socket, string workingDirectory)
    {
        var from = BindDirectory(process, workingDirectory);
        return new SocketPlace(Fold([from, socket]), socket, from);
    }

    /// <summary>
    /// The directory <paramref name="process"/>'s server binds a relative socket from: its working directory, then the one
    /// it changes into first (<see cref="ServerBackend.GetBindDirectory"/>, gunicorn's <c>--chdir</c>).
    /// </summary>
    /// <param name="process">The process.</param>
    /// <param name="workingDirectory">Its working directory, resolved (absolute, or relative to the content root).</param>
    public static string BindDirectory(ProcessDefinition process, string workingDirectory) =>
        Fold([workingDirectory, process.Backend.GetBindDirectory(process) ?? "."]);

    /// <summary>Whether <see cref="Resolved"/> is absolute: known without the content root.</summary>
    public bool IsAbsolute => Resolved.StartsWith('/');

    /// <summary>For a message: how the path was written and from where, in parentheses after a space, when not as <see cref="Resolved"/>; else empty.</summary>
    public string HowWritten => string.Equals(Resolved, Written, StringComparison.Ordinal)
        ? ""
        : $" ({Names.PrintablePath(Written)} from {(From.Length == 0 ? "the content root" : Names.PrintablePath(From))})";

    /// <summary>For a message: the resolved path (one relative to the content root says so), then <see cref="HowWritten"/>.</summary>
    public override string ToString() =>
        (IsAbsolute ? Names.PrintablePath(Resolved) : $"{Names.PrintablePath(Resolved)} from the content root") + HowWritten;

    // Each part taken from the one before (an absolute part starts again), '.' dropped, '..' taking back one name; at the
    // file system's root '..' stays there, as the kernel has it; above the content root it is kept, as that root is unknown.
    private static string Fold(IEnumerable<string> parts)
    {
        var names = new List<string>();
        var rooted = false;
        foreach (var part in parts)
        {
            if (Path.IsPathFullyQualified(part))
            {
                names.Clear();
                rooted = true;
            }

            foreach (var name in part.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (name == ".")
                {
                    continue;
                }

                if (name != "..")
                {
                    names.Add(name);
                }
                else if (names.Count > 0 && names[^1] != "..")
                {
                    names.RemoveAt(names.Count - 1);
                }
                else if (!rooted)
                {
                    names.Add(name);
                }
            }
        }

        var path = string.Join('/', names);
        return rooted ? "/" + path : path;
    }

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];
}
