using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Writes exported files into the output directory safely: never through a symbolic link, never over an existing file
/// unless asked (<c>--force</c>), each one complete or not at all (written to a new temporary file in the same directory,
/// then renamed over the name, which replaces a directory entry and follows no link). All checks run before any file is
/// written, so a refusal leaves the directory as it was.
/// </summary>
internal static class ExportWriter
{
    /// <summary>Writes <paramref name="files"/> into <paramref name="directory"/> and returns their paths.</summary>
    /// <exception cref="ExportRefusedException">The directory or a file cannot be written as asked.</exception>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<ExportedFile> files, bool force)
    {
        PrepareDirectory(directory);
        var paths = files.Select(f => Path.Combine(directory, f.Name)).ToList();
        var links = paths.Where(p => new FileInfo(p).LinkTarget is not null).ToList();
        if (links.Count > 0)
        {
            throw new ExportRefusedException($"export: {string.Join(", ", links.Select(Quote))} {(links.Count == 1 ? "is a symbolic link" : "are symbolic links")}; nothing was written through it: remove {(links.Count == 1 ? "it" : "them")} or choose another --out.");
        }

        var directories = paths.Where(Directory.Exists).ToList();
        if (directories.Count > 0)
        {
            throw new ExportRefusedException($"export: {string.Join(", ", directories.Select(Quote))} {(directories.Count == 1 ? "is a directory" : "are directories")}; nothing was written.");
        }

        var existing = paths.Where(File.Exists).ToList();
        if (existing.Count > 0 && !force)
        {
            throw new ExportRefusedException($"export: {string.Join(", ", existing.Select(Quote))} already {(existing.Count == 1 ? "exists" : "exist")}; nothing was written: give --force to replace {(existing.Count == 1 ? "it" : "them")}.");
        }

        var written = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            Replace(paths[i], files[i].Content);
            written.Add(paths[i]);
        }

        return written;
    }

    private static void PrepareDirectory(string directory)
    {
        if (File.Exists(directory))
        {
            throw new ExportRefusedException($"export: --out {Quote(directory)} is a file, not a directory.");
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExportRefusedException($"export: --out {Quote(directory)} cannot be created: {ExportText.Printable(ex.Message)}", ex);
        }
    }

    private static void Replace(string path, string content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            // CreateNew is O_CREAT|O_EXCL: it fails on anything already there, a planted symbolic link included.
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(content);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            if (ReplacedFileAttributes.CopyTo(path, temporary))
            {
                throw new IOException("its owner and group could not be kept (only root may give a file to another user); nothing was replaced");
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new ExportRefusedException($"export: {Quote(path)} cannot be written: {ExportText.Printable(ex.Message)}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The refusal that follows matters more than a leftover temporary file, which its name marks as one.
        }
    }

    private static string Quote(string path) => "'" + Names.PrintablePath(path) + "'";
}
