using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// The address to connect to a Unix socket by, for a path of any length: a server in a deep working directory binds its
/// relative socket there at any depth, but an absolute path longer than a socket address holds (107 bytes) cannot be
/// connected to as it is. Such a path is reached through a descriptor of its directory, <c>/proc/self/fd/N/name</c>,
/// which stays open until this is disposed: keep it for as long as the connection is being made.
/// </summary>
internal sealed partial class UnixSocketAddress : IDisposable
{
    // O_PATH (the same on every Linux architecture, unlike O_DIRECTORY) and O_CLOEXEC.
    private const int PathOnly = 0x200000;
    private const int CloseOnExec = 0x80000;

    private int _directory;

    private UnixSocketAddress(UnixDomainSocketEndPoint endPoint, int directory)
    {
        EndPoint = endPoint;
        _directory = directory;
    }

    /// <summary>The address to connect to.</summary>
    public UnixDomainSocketEndPoint EndPoint { get; }

    /// <summary>
    /// The address of the socket at <paramref name="path"/>, or <see langword="null"/> when it cannot be reached: a long path
    /// whose directory is not there or not ours to search, or whose file name alone is too long (elsewhere than Linux: any
    /// long path).
    /// </summary>
    public static UnixSocketAddress? For(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        if (System.Text.Encoding.UTF8.GetByteCount(path) <= UnixSockets.MaxPathBytes)
        {
            return new UnixSocketAddress(new UnixDomainSocketEndPoint(path), -1);
        }

        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var directory = open(Path.GetDirectoryName(path) ?? "/", PathOnly | CloseOnExec);
        if (directory < 0)
        {
            return null;
        }

        var shorter = $"/proc/self/fd/{directory.ToString(CultureInfo.InvariantCulture)}/{Path.GetFileName(path)}";
        if (System.Text.Encoding.UTF8.GetByteCount(shorter) > UnixSockets.MaxPathBytes)
        {
            _ = close(directory);
            return null;
        }

        return new UnixSocketAddress(new UnixDomainSocketEndPoint(shorter), directory);
    }

    /// <summary>Closes the directory's descriptor, if one was opened.</summary>
    public void Dispose()
    {
        if (_directory >= 0)
        {
            _ = close(_directory);
            _directory = -1;
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc")]
    private static partial int close(int descriptor);
}
