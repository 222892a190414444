using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// Whether a server can write the files its options name (<see cref="ServerBackend.GetWrittenFiles"/>), asked before each
/// start and by <c>--check</c>: a Celery beat whose schedule is in a read-only directory otherwise failed StartRetries
/// times, each start logging its traceback a character per line, and <c>--check</c> (which imports the app, nothing more)
/// passed. A missing file is tried by creating a file beside it, so root, read-only mounts and ACLs answer as they will
/// for the server.
/// </summary>
internal static partial class WrittenFileCheck
{
    private const int WriteOk = 2; // W_OK
    private const int CreateExclusive = 0x1 | 0x40 | 0x80 | 0x80000; // O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC

    /// <summary>The first file of <paramref name="process"/> its server could not write, as one line; <see langword="null"/> when each can be.</summary>
    /// <param name="process">The process.</param>
    /// <param name="workingDirectory">The server's working directory, absolute: where a relative path is.</param>
    public static string? Problem(ProcessDefinition process, string workingDirectory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // A plain loop: this runs on a first start before the fork, where a LINQ operator over this struct would be
        // first-time generic code for the JIT (a waitress or a plain gunicorn has no files at all).
        foreach (var written in process.Backend.GetWrittenFiles(process))
        {
            if (written.Templated || written.Path.Contains('\0', StringComparison.Ordinal))
            {
                continue; // the server's to place; a NUL is refused by the args' validation with its key
            }

            var file = Path.GetFullPath(written.Path, workingDirectory);
            if (Why(file, written.Replaced) is { } why)
            {
                return $"Process '{Names.Printable(process.Name)}': {written.Key} '{Names.PrintablePath(file)}' {why}; the server could not write it.";
            }
        }

        return null;
    }

    // A file written into must be writable itself; one the server replaces (or a new one) needs a directory it may create files in.
    private static string? Why(string file, bool replaced)
    {
        if (Directory.Exists(file))
        {
            return "is a directory";
        }

        if (File.Exists(file) && !replaced)
        {
            return access(file, WriteOk) == 0 ? null : $"is not writable by this user ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})";
        }

        var directory = Path.GetDirectoryName(file) ?? "/";
        if (!Directory.Exists(directory))
        {
            return $"is in a directory that does not exist ('{Names.PrintablePath(directory)}')";
        }

        var probe = Path.Combine(directory, $".prodserver-write-check-{Environment.ProcessId}-{Environment.TickCount64}");
        var fd = open(probe, CreateExclusive, Convert.ToUInt32("600", 8));
        if (fd < 0)
        {
            return $"cannot be {(replaced ? "replaced" : "created")}: this user may not create files in '{Names.PrintablePath(directory)}' ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})";
        }

        close(fd);
        unlink(probe);
        return null;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int access(string path, int mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags, uint mode);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unlink(string path);
}
