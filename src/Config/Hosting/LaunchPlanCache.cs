using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// The last early launch the host adopted, kept so that the next identical plain run forks its servers before reading
/// any configuration or running the configure delegate (under JIT, tens of milliseconds of first-time code). It is a
/// guess the host checks like any early start: the host still plans from its own configuration, runs the full validation
/// and adopts a server only when its plan is the same; otherwise the server is killed, started afresh, and the entry
/// forgotten. See docs/operations.md#spawn-first.
/// </summary>
/// <remarks>
/// <para>
/// An entry holds what the servers' own command lines and environments hold (a database URL set for the child, say), so
/// it is kept only where nothing reaches a disk and no one else can read it: in <c>$XDG_RUNTIME_DIR/prodserver</c>, or
/// under systemd in the unit's <c>$RUNTIME_DIRECTORY</c> (<see cref="PrivateMemoryDirectory"/>: in memory, this user's,
/// mode 0700; files 0600, written to a temporary name and renamed). Without such a directory nothing is cached. Launches
/// with env files are never cached.
/// </para>
/// <para>
/// The key digests everything the early plan is made from that can change between runs: the arguments, the working
/// and content directories, the program, the runtime version, the app's and this library's files (size and time), every
/// environment variable but those systemd sets anew for each start, and each appsettings file the host could read (size
/// and time). What the configure delegate reads on its own (another file, the clock) is not in it: that is what the host's
/// check is for. A NativeAOT launcher plans in about a millisecond, no slower than reading an entry; it keeps one all the
/// same, because a launch the host validated and adopted last time from the same inputs lets the server start alone
/// before the host is built (<see cref="EarlyLaunch.WaitUntilServing"/>).
/// </para>
/// </remarks>
internal static class LaunchPlanCache
{
    /// <summary>Set to <c>0</c> to keep no launch plan: every run plans from its configuration.</summary>
    public const string Variable = "PRODSERVER_PLAN_CACHE";

    private const string DirectoryName = "prodserver";
    private const int MaxEntryBytes = 1024 * 1024;
    private static readonly byte[] Magic = "PSPLAN02"u8.ToArray();

    // Strict both ways: a string UTF-8 cannot hold as it is (a lone surrogate) is not cached rather than kept altered, which
    // the host would then refuse on every other run; and bytes that are not UTF-8 are a damaged entry.
    private static readonly System.Text.UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Where one run's entry lives, and the key its content must carry to be used.</summary>
    /// <param name="Path">The entry's file.</param>
    /// <param name="Key">The digest of the run's inputs.</param>
    internal sealed record Slot(string Path, byte[] Key);

    // Set by systemd anew for every start of a unit (the invocation's id, its journal stream, its own pid), or by the shell
    // to the path of whatever it ran last (`_`: `timeout 60 dotnet app.dll` and `dotnet app.dll` differ only there): in the
    // key, a launcher would miss its entry for no change of configuration. No configuration comes from them; whatever a
    // configure delegate makes of them is caught by the host's check, as with any other input the key leaves out.
    private static readonly string[] PerStartVariables = ["INVOCATION_ID", "JOURNAL_STREAM", "SYSTEMD_EXEC_PID", "WATCHDOG_PID", "LISTEN_PID", "_"];

    /// <summary>
    /// Where entries are kept: <c>prodserver</c> in the runtime directory (<see cref="RuntimeDirectory"/>) when it is
    /// private and in memory, or <see langword="null"/> when nothing may be cached (<c>PRODSERVER_PLAN_CACHE=0</c>, no such
    /// directory).
    /// </summary>
    public static string? DefaultDirectory() =>
        Environment.GetEnvironmentVariable(Variable) != "0"
            ? PrivateMemoryDirectory.Find(
                RuntimeDirectory(Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"), Environment.GetEnvironmentVariable("RUNTIME_DIRECTORY")),
                DirectoryName)
            : null;

    /// <summary>
    /// A login session's runtime directory (<c>$XDG_RUNTIME_DIR</c>), else the one systemd gives a service with
    /// <c>RuntimeDirectory=</c> (<c>$RUNTIME_DIRECTORY</c>, the first when it lists several; the systemd export declares
    /// one per unit, 0700, kept across restarts), else <see langword="null"/>.
    /// </summary>
    internal static string? RuntimeDirectory(string? session, string? service) =>
        session is { Length: > 0 } ? session
        : service?.Split(':')[0] is { Length: > 0 } first ? first
        : null;

    /// <summary>The slot of this plain run in <paramref name="directory"/>, or <see langword="null"/> when there is no directory.</summary>
    public static Slot? Find(IReadOnlyList<string> args, Delegate configure, string? contentRoot, string appDirectory, string? directory)
    {
        if (directory is null)
        {
            return null;
        }

        try
        {
            return SlotIn(directory, args, configure, contentRoot, appDirectory, Environment.GetEnvironmentVariables());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // a directory that cannot be read: the host reports it, nothing is cached
        }
    }

    /// <summary>As <see cref="Find"/>, in <paramref name="directory"/> and with the environment given (for tests).</summary>
    internal static Slot SlotIn(string directory, IReadOnlyList<string> args, Delegate configure, string? contentRoot, string appDirectory, IDictionary variables)
    {
        var cwd = Directory.GetCurrentDirectory();
        var root = Path.GetFullPath(contentRoot ?? (variables["DOTNET_CONTENTROOT"] as string is { Length: > 0 } set ? set : cwd));
        var environment = variables["DOTNET_ENVIRONMENT"] as string is { Length: > 0 } name ? name : "Production";

        // Which run this is (the file's name) is told apart from what it was planned from (the key inside).
        var identity = new Digest();
        identity.Add(Environment.ProcessPath).Add(Environment.GetCommandLineArgs()[0]).Add(appDirectory).Add(root).Add(args);

        var key = new Digest();
        key.Add(Magic).Add(cwd).Add(contentRoot).Add(root).Add(appDirectory).Add(args).Add(Environment.Version.ToString());
        // The builds that decide the plan (the program, the app, this library) and the appsettings files, by their size and
        // modification time: a module's build ID would need its metadata read, and reading the files their first use of
        // the file stack, milliseconds of first-time code each before the fork; a file written again has a new time.
        foreach (var path in BuildFiles(configure))
        {
            key.AddFile(path);
        }

        foreach (var folder in new[] { root, appDirectory })
        {
            key.AddFile(Path.Combine(folder, "appsettings.json")).AddFile(Path.Combine(folder, $"appsettings.{environment}.json"));
        }

        // The variables in any order (the table's order changes from run to run): each one digested on its own and the
        // digests added up, rather than the names sorted first, which cost milliseconds of first-time code before the fork.
        ulong variablesDigest = 0;
        var counted = 0;
        foreach (DictionaryEntry variable in variables)
        {
            if (Array.IndexOf(PerStartVariables, (string)variable.Key) < 0)
            {
                variablesDigest += new Digest().Add((string)variable.Key).Add(variable.Value as string).Value;
                counted++;
            }
        }

        key.Add(counted).Add((long)variablesDigest);
        var file = identity.Value.ToString("X16", System.Globalization.CultureInfo.InvariantCulture) + ".plan";
        return new Slot(Path.Combine(directory, file), key.Finish());
    }

    // In a single-file app the assemblies have no location of their own: the program file is the build.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location is skipped; the program file is in the list.")]
    private static string?[] BuildFiles(Delegate configure) =>
        [Environment.ProcessPath, Assembly.GetEntryAssembly()?.Location, typeof(LaunchPlanCache).Assembly.Location, configure.Target?.GetType().Assembly.Location];

    /// <summary>The launch kept for <paramref name="slot"/>, or <see langword="null"/>: none, another key, damaged, or not this user's private file.</summary>
    public static CachedLaunch? Read(Slot slot)
    {
        // Looked for first: on a first start there is no entry, and the exception of a failed open is the process's first
        // (milliseconds of first-time code before the fork). The catch below still covers an entry removed meanwhile.
        if (!File.Exists(slot.Path))
        {
            return null;
        }

        try
        {
            using var handle = File.OpenHandle(slot.Path, FileMode.Open, FileAccess.Read);
            var length = RandomAccess.GetLength(handle);
            if (!PrivateMemoryDirectory.IsPrivate(handle) || length > MaxEntryBytes)
            {
                return null;
            }

            var bytes = new byte[length];
            if (RandomAccess.Read(handle, bytes, 0) != bytes.Length
                || !bytes.AsSpan().StartsWith(Magic) || !bytes.AsSpan(Magic.Length).StartsWith(slot.Key))
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length + slot.Key.Length, bytes.Length - Magic.Length - slot.Key.Length, writable: false), Strict);
            return CachedLaunch.ReadFrom(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="launch"/> for <paramref name="slot"/>, in the background; a failure only means the next run plans again.</summary>
    public static Task WriteAsync(Slot slot, CachedLaunch launch) => Task.Run(() => Write(slot, launch));

    private static void Write(Slot slot, CachedLaunch launch)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // no slot is ever found elsewhere
        }

        var temporary = slot.Path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            using (var writer = new BinaryWriter(stream, Strict))
            {
                writer.Write(Magic);
                writer.Write(slot.Key);
                launch.WriteTo(writer);
            }

            File.Move(temporary, slot.Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.EncoderFallbackException)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Forgets the entry of <paramref name="slot"/> (the host planned otherwise, or refused the launch).</summary>
    public static void Forget(Slot slot) => TryDelete(slot.Path);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing to do: a stale entry is checked by the host like any early start.
        }
    }

    // Length-prefixed fields into a 64-bit FNV-1a: the key only tells a changed input from an unchanged one (the host
    // checks the plan itself, and the file is private), and unlike SHA-256 it loads no cryptography library before the fork.
    private sealed class Digest
    {
        private const ulong Prime = 0x100000001B3;
        private ulong _hash = 0xCBF29CE484222325;

        public Digest Add(string? value)
        {
            Add(value?.Length ?? -1);
            foreach (var c in value ?? string.Empty)
            {
                Mix((byte)c);
                Mix((byte)(c >> 8));
            }

            return this;
        }

        public Digest Add(IReadOnlyList<string> values)
        {
            Add(values.Count);
            foreach (var value in values)
            {
                Add(value);
            }

            return this;
        }

        public Digest Add(byte[]? bytes)
        {
            Add(bytes?.Length ?? -1);
            foreach (var b in bytes ?? [])
            {
                Mix(b);
            }

            return this;
        }

        public Digest Add(long value)
        {
            for (var i = 0; i < 64; i += 8)
            {
                Mix((byte)(value >> i));
            }

            return this;
        }

        public Digest AddFile(string? path)
        {
            var file = path is { Length: > 0 } ? new FileInfo(path) : null;
            return Add(path).Add(file is { Exists: true } ? file.Length : -1).Add(file is { Exists: true } ? file.LastWriteTimeUtc.Ticks : -1);
        }

        public ulong Value => _hash;

        public byte[] Finish() => BitConverter.GetBytes(_hash);

        private void Mix(byte value) => _hash = (_hash ^ value) * Prime;
    }
}
