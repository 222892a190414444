using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;

namespace ProdServer.Config;

/// <summary>
/// Each env file is read once per run (the run is this OS process), at start, and its values are kept: a restart, a
/// SIGHUP restart and a second process naming the same file reuse them. So a secret passed as <c>--env-file &lt;(…)</c>,
/// which can be read only once, is still there after a restart, and a file deleted after start (a tmpfs secret) still
/// counts. To pick up an edited file, restart the host.
/// </summary>
internal static class EnvFileCache
{
    private static readonly ConcurrentDictionary<string, Lazy<Entry>> Files = new(StringComparer.Ordinal);

    /// <summary>The variables of the file at <paramref name="fullPath"/>, read now or at the first call; a failure is kept too, so a FIFO is not waited on twice.</summary>
    /// <param name="fullPath">The absolute path.</param>
    /// <param name="problem">What is wrong (names the file, never a value), or <see langword="null"/>.</param>
    /// <returns>The variables, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static IReadOnlyDictionary<string, string>? Read(string fullPath, out string? problem)
    {
        if (!Files.ContainsKey(fullPath) && !File.Exists(fullPath) && !Directory.Exists(fullPath))
        {
            // Not kept: a file that appears later may still be read.
            problem = $"'{Names.Printable(fullPath, 300)}' does not exist.";
            return null;
        }

        var entry = Files.GetOrAdd(fullPath, static path => new Lazy<Entry>(() => Load(path))).Value;
        problem = entry.Problem;
        return entry.Variables;
    }

    /// <summary>
    /// Reads the regular files among <paramref name="fullPaths"/> again (for a reload); pipes and other one-shot sources
    /// keep the values read at start. Returns what puts the earlier values back, for a reload that is refused.
    /// </summary>
    public static Action Reread(System.Collections.Generic.IEnumerable<string> fullPaths)
    {
        var before = new List<KeyValuePair<string, Lazy<Entry>?>>();
        foreach (var path in fullPaths)
        {
            if (File.Exists(path) && IsRereadable(path))
            {
                before.Add(new(path, Files.TryGetValue(path, out var old) ? old : null));
                var entry = Load(path);
                Files[path] = new Lazy<Entry>(() => entry);
            }
        }

        return () =>
        {
            foreach (var (path, old) in before)
            {
                if (old is null)
                {
                    Files.TryRemove(path, out _);
                }
                else
                {
                    Files[path] = old;
                }
            }
        };
    }

    // A pipe (--env-file <(vault read …) is /dev/fd/N) can be read once: only files outside /dev and /proc are read again.
    private static bool IsRereadable(string path)
    {
        var target = SymbolicLinks.FinalTarget(path) ?? path;
        return !path.StartsWith("/dev/", StringComparison.Ordinal) && !path.StartsWith("/proc/", StringComparison.Ordinal)
            && !target.StartsWith("/dev/", StringComparison.Ordinal) && !target.StartsWith("/proc/", StringComparison.Ordinal);
    }

    private static Entry Load(string path)
    {
        try
        {
            return new Entry(EnvFile.Load(path), null);
        }
        catch (FormatException ex)
        {
            return new Entry(null, Names.Printable(ex.Message, 400));
        }
        catch (TimeoutException ex)
        {
            return new Entry(null, Names.Printable(ex.Message, 400));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var reason = Directory.Exists(path) ? "it is a directory" : ex.Message;
            return new Entry(null, $"'{Names.Printable(path, 300)}' cannot be read: {Names.Printable(reason, 300)}");
        }
    }

    private sealed record Entry(IReadOnlyDictionary<string, string>? Variables, string? Problem);
}
