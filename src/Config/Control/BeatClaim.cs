using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ProdServer.Config;

/// <summary>
/// One Celery beat per Celery app among the launches of an app on this machine: an exclusive <c>flock</c> on a file beside
/// the app's control socket, held by whichever launch runs the beat (a host of several processes or <c>app beat</c> alone)
/// for as long as it has it, and dropped by the kernel when that launch dies. The control socket finds a running host, but
/// a lone launch opens none, so a host started after it could not find it; and two launches starting together both found
/// nothing. A lock finds both, without a race.
/// </summary>
internal sealed partial class BeatClaim : IDisposable
{
    private const int LockExclusive = 2; // LOCK_EX
    private const int LockNonBlocking = 4; // LOCK_NB

    // Names longer than this are hashed: a file name has at most 255 bytes, and the socket's own name comes first.
    private const int LongestAppPart = 100;

    private readonly SafeFileHandle _handle;

    private BeatClaim(SafeFileHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>
    /// The lock file for the beat of <paramref name="celeryApp"/>: beside <paramref name="controlSocket"/>, in the app's
    /// private directory, named after the Celery app as <c>celery -A</c> reads it (<c>proj.celery:app</c> and
    /// <c>proj.celery.app</c> are one app).
    /// </summary>
    public static string PathFor(string controlSocket, string celeryApp)
    {
        var app = CeleryBeatUniqueness.AppKey(celeryApp);
        var name = new StringBuilder(app.Length);
        foreach (var c in app)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        // Hashed when long or when the plain name lost characters, so two apps never share a lock by accident.
        var part = name.Length <= LongestAppPart && name.ToString() == app
            ? app
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(app)))[..32];
        return controlSocket + ".beat-" + part + ".lock";
    }

    /// <summary>
    /// Takes the claim at <paramref name="path"/> for <paramref name="processName"/>, or returns <see langword="null"/> when
    /// another launch holds it, with what that launch wrote of itself (its pid and process) in <paramref name="holder"/>.
    /// </summary>
    /// <exception cref="ControlSocketException">The directory is not this user's alone, or the file cannot be opened; one line.</exception>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static BeatClaim? TryTake(string path, string processName, out string? holder)
    {
        holder = null;
        ControlSocket.PrepareDirectory(System.IO.Path.GetDirectoryName(path)!);
        SafeFileHandle handle;
        try
        {
            // FileShare.None is .NET's own exclusive flock, which a switch (System.IO.DisableFileLocking) turns off: the
            // flock below is taken either way, on the same open file, where a second one by its holder is a no-op.
            handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex.HResult == WouldBlock)
        {
            holder = ReadOwner(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ControlSocketException($"The beat's lock {Names.PrintablePath(path)} could not be opened: {Names.Printable(ex.Message)}");
        }

        if (flock(handle, LockExclusive | LockNonBlocking) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            if (error != WouldBlock)
            {
                throw new ControlSocketException($"The beat's lock {Names.PrintablePath(path)} could not be taken (errno {error}).");
            }

            holder = ReadOwner(path);
            return null;
        }

        WriteOwner(path, processName);
        return new BeatClaim(handle, path);
    }

    /// <summary>Releases the claim; the file stays (removing it would let a launch that opened it before lock a file no one else finds).</summary>
    public void Dispose() => _handle.Dispose();

    private static int WouldBlock => OperatingSystem.IsLinux() ? 11 : 35; // EWOULDBLOCK: Linux, the BSDs and macOS

    // Who holds the lock, for the refusal's message: beside the lock, since the locked file cannot be opened to be read.
    private static string OwnerPath(string path) => path + ".owner";

    private static void WriteOwner(string path, string processName)
    {
        try
        {
            File.WriteAllText(OwnerPath(path), string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {processName}\n"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the message of a refused launch is poorer for it: the lock itself is held.
        }
    }

    private static string? ReadOwner(string path)
    {
        try
        {
            var text = File.ReadAllText(OwnerPath(path)).TrimEnd('\n');
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            return text.Length <= 128 && space > 0 && int.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                ? $"pid {pid}, process '{Names.Printable(text[(space + 1)..])}'"
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(SafeFileHandle fd, int operation);
}
