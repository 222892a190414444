using System;
using System.IO;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>Finds files of the clone (and the shared reference material beside it) from the test's output directory.</summary>
internal static class Repository
{
    private const string SolutionFile = "ProdServer.Config.sln";

    /// <summary>The directory holding <c>ProdServer.Config.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The reference catalogue of a server's options. It lives in <c>../shared/reference</c> beside the clone (CI checks it
    /// out there), not in the repository, so a missing file is a broken checkout and must fail loudly, never skip.
    /// </summary>
    public static string SharedReference(string fileName)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", fileName));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The reference catalogue '{path}' is missing. It is expected at ../shared/reference/{fileName} beside the clone " +
                $"({Root}); CI checks it out there. Without it the flag coverage of the args records cannot be checked.", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}; the tests must run from a clone.");
    }
}
