using System;
using System.IO;

namespace ProdServer.Config;

/// <summary>How an imported path is written: relative when it lies below the content root, so that the configuration moves
/// with the app; absolute otherwise.</summary>
internal static class ContentRootPath
{
    /// <summary><paramref name="path"/> as a setting: <c>.</c> for the content root itself.</summary>
    /// <param name="path">A full path.</param>
    /// <param name="contentRoot">The app's content root.</param>
    public static string Setting(string path, string contentRoot)
    {
        var relative = Path.GetRelativePath(contentRoot, path);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative;
    }
}
