using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using CsCheck;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The launch-plan cache of spawn-first (docs/operations.md#spawn-first): an entry reads back exactly what was kept,
/// whatever the values hold; anything else (another key, a damaged or oversized file, a file or directory others could
/// read or write, a directory on disk) reads as no entry at all, so the run plans from its configuration.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LaunchPlanCacheSpecs : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // A runtime directory as a login session has one: in memory (tmpfs), this user's, 0700.
    private readonly string _runtime = Directory.CreateDirectory("/dev/shm/psc-plan-cache-" + Guid.NewGuid().ToString("N"), Private).FullName;

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.OneOf("\n", "\r\n", "\0", "\"", "'", "\\", "$HOME", "\x1b[31m", "é", "😀", "\u2028", "=", ";", "-", " "),
        Gen.String.AlphaNumeric,
        Gen.Char.Where(c => !char.IsSurrogate(c)).Array[1, 20].Select(c => new string(c))).Array[1, 6].Select(pieces => string.Concat(pieces));

    private static readonly Gen<LaunchPlan> Plan = Gen.Select(
        Hostile, Hostile, Hostile.Array[0, 5], Hostile, Gen.Dictionary(Hostile, Hostile)[0, 4], Hostile.Array[0, 3], Gen.Int[1, 64],
        (name, executable, arguments, directory, environment, removed, signal) =>
            new LaunchPlan(name, executable, arguments, directory, environment) { RemovedEnvironment = removed, StopSignal = signal })
        .Select(Gen.Int[99, 3_600_000], (plan, repeat) => plan with { StopSignalRepeat = repeat < 100 ? null : TimeSpan.FromMilliseconds(repeat) });

    private static readonly Gen<EarlyStart> Start = Gen.Select(
        Plan, Gen.Bool, Gen.Select(Hostile, Gen.Int[0, 65535], (host, port) => new ListenEndpoint(host, port)).Array[0, 3],
        Gen.Bool, (plan, toGroup, endpoints, loaded) => new EarlyStart(plan, toGroup, endpoints, loaded));

    private static readonly Gen<CachedLaunch> Launch = Gen.Select(
        Start.Array[1, 4], Gen.Int[ProdServerLogOptions.MinimumBufferBytes, ProdServerLogOptions.MaximumBufferBytes], Gen.Bool,
        (starts, buffer, drop) => new CachedLaunch(starts, buffer, drop ? LogOverflow.Drop : LogOverflow.Block));

    public void Dispose() => Directory.Delete(_runtime, recursive: true);

    private string CacheDirectory => PrivateMemoryDirectory.Find(_runtime, "prodserver") ?? throw new InvalidOperationException("no private cache directory");

    private LaunchPlanCache.Slot SlotFor(IReadOnlyList<string> args, IDictionary? variables = null, string? contentRoot = null) =>
        LaunchPlanCache.SlotIn(CacheDirectory, args, (Action<ProdServerBuilder>)(_ => { }), contentRoot ?? _runtime, _runtime, variables ?? new Hashtable { ["PATH"] = "/usr/bin" });

    [Fact]
    public void A_kept_launch_reads_back_exactly_whatever_its_names_arguments_and_environment_hold()
    {
        var slot = SlotFor(["web"]);
        Launch.Sample(launch =>
        {
            LaunchPlanCache.WriteAsync(slot, launch).GetAwaiter().GetResult();
            var read = LaunchPlanCache.Read(slot);

            Assert.NotNull(read);
            Assert.Equal(Describe(launch), Describe(read));
        }, iter: 200, threads: 1); // one slot: entries are written one after another
    }

    [Fact]
    public async Task An_entry_is_a_file_only_its_user_may_read_in_a_directory_only_its_user_may_enter()
    {
        var slot = SlotFor(["web"]);
        await LaunchPlanCache.WriteAsync(slot, OneServer("DATABASE_URL", "postgres://app:secret@db/app"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(slot.Path));
        Assert.Equal(Private, File.GetUnixFileMode(Path.GetDirectoryName(slot.Path)!));
        Assert.Empty(Directory.GetFiles(CacheDirectory, "*.tmp")); // written under a temporary name, then renamed
    }

    [Fact]
    public async Task A_launch_with_text_UTF8_cannot_hold_as_it_is_is_not_kept_rather_than_kept_altered()
    {
        var slot = SlotFor(["web"]);
        await LaunchPlanCache.WriteAsync(slot, OneServer("NAME", "lone \uD800 surrogate"));

        Assert.False(File.Exists(slot.Path));
        Assert.Empty(Directory.GetFiles(CacheDirectory));
    }

    [Fact]
    public async Task An_entry_kept_under_another_key_is_no_entry()
    {
        var slot = SlotFor(["web"]);
        await LaunchPlanCache.WriteAsync(slot, OneServer("A", "1"));
        var changed = SlotFor(["web"], new Hashtable { ["PATH"] = "/usr/local/bin:/usr/bin" });

        Assert.Equal(slot.Path, changed.Path); // the same run...
        Assert.Null(LaunchPlanCache.Read(changed)); // ...from other inputs
        Assert.NotNull(LaunchPlanCache.Read(slot));
    }

    [Fact]
    public void The_key_is_the_same_for_the_same_inputs_and_changes_with_the_arguments_each_environment_variable_and_each_appsettings_file()
    {
        var variables = new Hashtable { ["PATH"] = "/usr/bin", ["DJANGO_SETTINGS_MODULE"] = "app.settings" };
        var before = SlotFor(["web"], variables);

        Assert.Equal(before.Key, SlotFor(["web"], (Hashtable)variables.Clone()).Key);
        Assert.NotEqual(before.Key, SlotFor(["web", "worker"], variables).Key);
        Assert.NotEqual(before.Path, SlotFor(["worker"], variables).Path);
        Assert.NotEqual(before.Key, SlotFor(["web"], new Hashtable(variables) { ["DJANGO_SETTINGS_MODULE"] = "app.other" }).Key);
        Assert.NotEqual(before.Key, SlotFor(["web"], new Hashtable(variables) { ["NEW"] = "" }).Key);
        Assert.NotEqual(before.Key, SlotFor(["web"], new Hashtable(variables) { ["DOTNET_ENVIRONMENT"] = "Staging" }).Key);

        var settings = Path.Combine(_runtime, "appsettings.json");
        File.WriteAllText(settings, "{}");
        var withSettings = SlotFor(["web"], variables);
        Assert.NotEqual(before.Key, withSettings.Key);
        File.WriteAllText(settings, "{ \"ProdServer\": {} }");
        Assert.NotEqual(withSettings.Key, SlotFor(["web"], variables).Key);

        var beforeEnvironmentFile = SlotFor(["web"], variables).Key;
        File.WriteAllText(Path.Combine(_runtime, "appsettings.Production.json"), "{}"); // the default environment's file
        Assert.NotEqual(beforeEnvironmentFile, SlotFor(["web"], variables).Key);
    }

    [Fact]
    public void The_shells_last_command_variable_leaves_the_key_as_it_is_so_a_wrapper_like_timeout_still_finds_the_entry()
    {
        var variables = new Hashtable { ["PATH"] = "/usr/bin", ["_"] = "/usr/bin/dotnet" };

        Assert.Equal(SlotFor(["web"], variables).Key, SlotFor(["web"], new Hashtable(variables) { ["_"] = "/usr/bin/timeout" }).Key);
        Assert.Equal(SlotFor(["web"], variables).Key, SlotFor(["web"], new Hashtable { ["PATH"] = "/usr/bin" }).Key);
        Assert.NotEqual(SlotFor(["web"], variables).Key, SlotFor(["web"], new Hashtable(variables) { ["__"] = "x" }).Key);
    }

    [Fact]
    public void What_systemd_sets_anew_for_each_start_of_a_unit_leaves_the_key_as_it_is_and_anything_else_it_sets_does_not()
    {
        var variables = new Hashtable { ["PATH"] = "/usr/bin", ["RUNTIME_DIRECTORY"] = "/run/shop-web", ["INVOCATION_ID"] = "0f5c1e8b2d6a4f3e9b7c1d2e3f4a5b6c" };
        var first = SlotFor(["web"], variables);

        var restarted = new Hashtable(variables)
        {
            ["INVOCATION_ID"] = "9a8b7c6d5e4f30211f2e3d4c5b6a7980",
            ["JOURNAL_STREAM"] = "8:123456",
            ["SYSTEMD_EXEC_PID"] = "4242",
            ["WATCHDOG_PID"] = "4242",
            ["LISTEN_PID"] = "4242",
        };
        Assert.Equal(first.Key, SlotFor(["web"], restarted).Key);
        Assert.Equal(first.Path, SlotFor(["web"], restarted).Path);

        Assert.NotEqual(first.Key, SlotFor(["web"], new Hashtable(variables) { ["RUNTIME_DIRECTORY"] = "/run/shop-admin" }).Key);
        Assert.NotEqual(first.Key, SlotFor(["web"], new Hashtable(variables) { ["WATCHDOG_USEC"] = "30000000" }).Key);
    }

    [Theory]
    [InlineData("/run/user/1000", "/run/shop-web", "/run/user/1000")] // a login session's own directory first
    [InlineData(null, "/run/shop-web", "/run/shop-web")] // a systemd service: its RuntimeDirectory=
    [InlineData("", "/run/shop-web:/run/shop-extra", "/run/shop-web")] // several RuntimeDirectory= entries: the first
    [InlineData(null, null, null)]
    [InlineData("", "", null)]
    [InlineData(null, ":/run/shop-web", null)] // an empty first entry is no directory
    public void The_runtime_directory_is_the_sessions_else_the_one_systemd_gives_the_service(string? session, string? service, string? expected) =>
        Assert.Equal(expected, LaunchPlanCache.RuntimeDirectory(session, service));

    [Fact]
    public async Task An_entry_others_may_read_is_no_entry()
    {
        var slot = SlotFor(["web"]);
        await LaunchPlanCache.WriteAsync(slot, OneServer("A", "1"));

        File.SetUnixFileMode(slot.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        Assert.Null(LaunchPlanCache.Read(slot));
    }

    [Fact]
    public async Task A_damaged_entry_is_no_entry_however_it_was_cut_or_changed()
    {
        var slot = SlotFor(["web"]);
        await LaunchPlanCache.WriteAsync(slot, OneServer("DATABASE_URL", "postgres://db/app"));
        var whole = File.ReadAllBytes(slot.Path);

        // Every cut: nothing throws, nothing half-read is returned.
        for (var length = 0; length < whole.Length; length++)
        {
            File.WriteAllBytes(slot.Path, whole[..length]);
            Assert.Null(LaunchPlanCache.Read(slot));
        }

        // Any byte changed: no entry, or an entry the host checks like any other (a changed string is a valid launch).
        Gen.Select(Gen.Int[0, whole.Length - 1], Gen.Byte, (at, value) => (at, value)).Sample(change =>
        {
            var bytes = (byte[])whole.Clone();
            bytes[change.at] = change.value;
            File.WriteAllBytes(slot.Path, bytes);
            _ = LaunchPlanCache.Read(slot);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public async Task An_oversized_entry_is_no_entry()
    {
        var slot = SlotFor(["web"]);
        await LaunchPlanCache.WriteAsync(slot, OneServer("A", "1"));
        using (var stream = File.OpenWrite(slot.Path))
        {
            stream.SetLength(1024 * 1024 + 1);
        }

        Assert.Null(LaunchPlanCache.Read(slot));
    }

    [Fact]
    public void Nothing_is_kept_in_a_runtime_directory_on_disk_open_to_others_relative_or_a_link()
    {
        var onDisk = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "psc-plan-cache-" + Guid.NewGuid().ToString("N")), Private).FullName;
        var open = Directory.CreateDirectory(Path.Combine(_runtime, "open"), Private | UnixFileMode.GroupRead | UnixFileMode.GroupExecute).FullName;
        var link = Path.Combine(_runtime, "link");
        Directory.CreateSymbolicLink(link, Directory.CreateDirectory(Path.Combine(_runtime, "target"), Private).FullName);
        try
        {
            Assert.Equal("ext2/ext3", FileSystemOf(onDisk)); // the test needs /tmp on disk, as it is here
            Assert.Null(PrivateMemoryDirectory.Find(onDisk, "prodserver"));
            Assert.Null(PrivateMemoryDirectory.Find(open, "prodserver"));
            Assert.Null(PrivateMemoryDirectory.Find(link, "prodserver"));
            Assert.Null(PrivateMemoryDirectory.Find("relative/dir", "prodserver"));
            Assert.Null(PrivateMemoryDirectory.Find(null, "prodserver"));
            Assert.False(Directory.Exists(Path.Combine(onDisk, "prodserver")));
        }
        finally
        {
            Directory.Delete(onDisk, recursive: true);
        }
    }

    [Fact]
    public void A_cache_directory_someone_opened_to_others_is_not_used()
    {
        Directory.CreateDirectory(Path.Combine(_runtime, "prodserver"), Private | UnixFileMode.OtherExecute);

        Assert.Null(PrivateMemoryDirectory.Find(_runtime, "prodserver"));
    }

    [Fact]
    public void The_cache_directory_is_created_private_in_a_private_runtime_directory()
    {
        var directory = PrivateMemoryDirectory.Find(_runtime, "prodserver");

        Assert.Equal(Path.Combine(_runtime, "prodserver"), directory);
        Assert.Equal(Private, File.GetUnixFileMode(directory!));
    }

    private static CachedLaunch OneServer(string variable, string value) => new(
        [new EarlyStart(new LaunchPlan("web", "/usr/bin/waitress-serve", ["--port=8000", "app:app"], "/srv/app", new Dictionary<string, string> { [variable] = value }), false, [new ListenEndpoint("127.0.0.1", 8000)], true)],
        ProdServerLogOptions.DefaultBufferBytes,
        LogOverflow.Block);

    // Every field the entry holds, as one comparable text (records compare their lists by reference).
    private static string Describe(CachedLaunch launch) => System.Text.Json.JsonSerializer.Serialize(new
    {
        launch.BufferBytes,
        Overflow = launch.Overflow.ToString(),
        Starts = launch.Starts.Select(s => new
        {
            s.Plan.ProcessName,
            s.Plan.Executable,
            s.Plan.Arguments,
            s.Plan.WorkingDirectory,
            Environment = s.Plan.Environment.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray(),
            s.Plan.RemovedEnvironment,
            s.Plan.ImplicitConfigFiles,
            s.Plan.StopSignal,
            StopSignalRepeat = s.Plan.StopSignalRepeat?.Ticks,
            s.StopSignalToGroup,
            Endpoints = s.Endpoints.Select(e => $"{e.Host}|{e.Port}").ToArray(),
            s.ListensOnceAppLoaded,
        }),
    });

    private static string FileSystemOf(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-f", "-c", "%T", path]) { RedirectStandardOutput = true })!;
        var type = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return type;
    }
}
