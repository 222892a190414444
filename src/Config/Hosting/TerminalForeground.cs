using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ProdServer.Config;

/// <summary>
/// Whether this process's group is its controlling terminal's foreground group: then a Ctrl+C (or Ctrl+\) typed there
/// is sent by the terminal to every process of the group, so a child in it already has it, and passing it on would
/// deliver it twice. Anything else that sends this process a SIGINT (a supervisor, <c>kill -INT</c>, a job control
/// script) sends it to this process alone.
/// </summary>
internal static partial class TerminalForeground
{
    /// <summary>Whether this process's group is in the foreground of its controlling terminal; <see langword="false"/> without one.</summary>
    public static bool IsThisGroup()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            // /dev/tty is this process's controlling terminal whatever its standard streams are; without one it cannot be opened.
            using var terminal = File.OpenHandle("/dev/tty", FileMode.Open, FileAccess.Read);
            var foreground = tcgetpgrp(terminal);
            return foreground > 0 && foreground == getpgrp();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetpgrp(SafeFileHandle descriptor);

    [LibraryImport("libc")]
    private static partial int getpgrp();
}
