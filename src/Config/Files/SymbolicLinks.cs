using System;
using System.IO;

namespace ProdServer.Config;

/// <summary>
/// Where a chain of symbolic links ends, for the places that must judge a file by what it really is: an env file that is
/// a link to a pipe (not read again on reload), two interpreters that are one file, the file a unit's sandbox must let
/// through. The one resolver of links, so that all of them follow a chain, and survive a loop, alike.
/// </summary>
internal static class SymbolicLinks
{
    /// <summary>
    /// The absolute path the links starting at <paramref name="path"/> end at (relative targets taken from each link's
    /// directory; the end itself need not exist), or <see langword="null"/> when <paramref name="path"/> is no link, does
    /// not exist, or the chain cannot be followed (a loop, a directory that may not be read).
    /// </summary>
    public static string? FinalTarget(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
