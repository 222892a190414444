using System;
using System.IO;

namespace ProdServer.Config.Package.Tests.Infrastructure;

/// <summary>The repository the tests run in.</summary>
internal static class Repository
{
    /// <summary>The directory with Directory.Build.props and docs/ above the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "docs")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Directory.Build.props with docs/ above {AppContext.BaseDirectory}.");
    }
}
