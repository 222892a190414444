using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Where the control socket lives and how it is opened: a directory only this user can enter (0700), the socket itself
/// 0600, a stale socket left by a dead host replaced, a live one never taken over.
/// </summary>
internal static class ControlSocket
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const int MaxPathBytes = UnixSockets.MaxPathBytes;

    /// <summary>
    /// The socket path: <paramref name="configured"/> (relative to <paramref name="contentRoot"/>) when set, else
    /// <c>$XDG_RUNTIME_DIR/prodserver/&lt;app&gt;.sock</c>, else <c>/run/prodserver/&lt;app&gt;.sock</c> for root and
    /// <c>$TMPDIR/prodserver-&lt;uid&gt;/&lt;app&gt;.sock</c> (<c>/tmp</c> by default) for the others.
    /// </summary>
    public static string PathFor(string? configured, string applicationName, string contentRoot)
    {
        if (configured is { Length: > 0 })
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        return PrivateDefaultDirectory is { } own ? Path.Combine(own, FileName(applicationName) + ".sock") : SharedDefaultPath(applicationName);
    }

    /// <summary>The default path of <paramref name="applicationName"/>'s socket on this machine, as <see cref="PathFor"/> gives it with nothing configured.</summary>
    internal static string SharedDefaultPath(string applicationName)
    {
        var file = FileName(applicationName) + ".sock";
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Path.IsPathRooted(runtime) && Directory.Exists(runtime))
        {
            return Path.Combine(runtime, "prodserver", file);
        }

        var uid = PeerCredentials.EffectiveUserId;
        return uid == 0
            ? Path.Combine("/run/prodserver", file)
            : Path.Combine(Path.GetTempPath(), "prodserver-" + uid.ToString(System.Globalization.CultureInfo.InvariantCulture), file);
    }

    /// <summary>
    /// Where a socket goes by default instead of the shared places above, when set: the test assemblies set it to a
    /// directory of their own, because every test host is named after the test runner (<c>testhost</c>). Two test
    /// processes (CI runs two side by side) otherwise shared <c>/run/prodserver/testhost.sock</c>, and a host in one found
    /// the other's and refused to start its <c>web</c> ("a second would run it twice").
    /// </summary>
    internal static string? PrivateDefaultDirectory { get; set; }

    /// <summary>Why <paramref name="path"/> cannot be a socket path, or <see langword="null"/>.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            return $"'{Names.Printable(path)}' must be a path without control characters";
        }

        return Encoding.UTF8.GetByteCount(path) > MaxPathBytes
            ? $"'{Names.Printable(path)}' is longer than a Unix socket path may be ({MaxPathBytes} bytes)"
            : null;
    }

    /// <summary>
    /// Opens the listening socket at <paramref name="path"/>: creates its directory (0700) if needed, refuses a
    /// directory other users can enter, replaces a stale socket and refuses a live one.
    /// </summary>
    /// <exception cref="ControlSocketException">The socket cannot be opened safely; the message is one line.</exception>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static Socket Listen(string path, string applicationName)
    {
        if (Problem(path) is { } problem)
        {
            throw new ControlSocketException($"The control socket {problem}; set ProdServer:Control:Socket to a shorter path.");
        }

        PrepareDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            if (Answers(path))
            {
                throw new ControlSocketException(
                    $"Another host of '{applicationName}' is running: its control socket {path} answers. Stop it first, or give this one its own ProdServer:Control:Socket.");
            }

            // Only a socket is replaced: a file, a directory or a link at the configured path is someone's, not a dead host's.
            if (PrivateMemoryDirectory.IsSocket(path) == false)
            {
                throw new ControlSocketException(
                    $"The control socket path {path} holds something that is not a socket (a file, a directory or a link), which is left as it is: remove it, or set ProdServer:Control:Socket to another path.");
            }

            File.Delete(path); // left by a host that died: nothing listens on it any more
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            // The directory keeps others out already; the socket's own mode says the same to anyone who looks.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            socket.Listen(16);
            return socket;
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            socket.Dispose();
            throw new ControlSocketException($"The control socket {path} could not be opened: {ex.Message}");
        }
    }

    /// <summary>Whether a host listens on <paramref name="path"/>.</summary>
    public static bool Answers(string path) => UnixSockets.Answers(path);

    /// <summary>
    /// Creates <paramref name="directory"/> (0700) if needed and refuses one other users can enter, a link, or one another
    /// user owns: the socket and the beat's lock (<see cref="BeatClaim"/>) live there.
    /// </summary>
    /// <exception cref="ControlSocketException">The directory is not this user's alone; the message is one line.</exception>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void PrepareDirectory(string directory)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            }

            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is not null)
            {
                throw new ControlSocketException($"The control socket's directory {directory} is a symbolic link; use a real directory only this user can enter.");
            }

            if ((info.UnixFileMode & GroupOrOther) != 0)
            {
                throw new ControlSocketException(
                    $"The control socket's directory {directory} can be entered by other users (mode {Convert.ToString((int)info.UnixFileMode, 8)}); use a directory only this user can enter (chmod 700).");
            }

            // Read, not inferred from a chmod that fails: root's never does, and a directory another user owns lets that
            // user replace the socket and answer for the host.
            if (FileOwner.Of(directory) is { Uid: var owner } && owner != PeerCredentials.EffectiveUserId)
            {
                throw new ControlSocketException(
                    $"The control socket's directory {directory} belongs to uid {owner}, not to this user (uid {PeerCredentials.EffectiveUserId}); use a directory only this user owns and can enter.");
            }

            // Only the owner (or root) may change a mode: this fails on a directory someone else made in /tmp first.
            File.SetUnixFileMode(directory, info.UnixFileMode);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ControlSocketException($"The control socket's directory {directory} is not this user's: {ex.Message}");
        }
    }

    // Application names are file names here: anything but letters, digits, '.', '-' and '_' becomes '_'.
    private static string FileName(string applicationName)
    {
        var name = new StringBuilder(applicationName.Length);
        foreach (var c in applicationName.Length == 0 ? "app" : applicationName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return name[0] == '.' ? "_" + name : name.ToString();
    }
}

/// <summary>The control socket cannot be opened safely (another host listens, a directory others can enter, …).</summary>
internal sealed class ControlSocketException(string message) : Exception(message);
