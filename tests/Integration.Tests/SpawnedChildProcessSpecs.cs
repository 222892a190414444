using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>Servers started with posix_spawn (<see cref="SpawnedChildProcess"/>), seen from the child's side through /bin/sh and /proc.</summary>
public sealed class SpawnedChildProcessSpecs
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static (SpawnedChildProcess Child, Task Exited) Start(string script, IReadOnlyDictionary<string, string>? environment = null, string directory = "/", params string[] arguments)
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = SpawnedChildProcess.TryStart(["/bin/sh", "-c", script, "spawned", .. arguments], directory, environment ?? new Dictionary<string, string>(), () => exited.TrySetResult());
        Assert.NotNull(child); // glibc 2.29+ here
        return (child, exited.Task);
    }

    private static async Task<string> OutputAsync(SpawnedChildProcess child, Task exited)
    {
        using var reader = new StreamReader(child.StandardOutput, Encoding.UTF8);
        var output = await reader.ReadToEndAsync().WaitAsync(Bound);
        await exited.WaitAsync(Bound);
        return output;
    }

    [Fact]
    public async Task The_child_gets_exactly_its_environment_directory_and_arguments_and_leads_its_own_session()
    {
        var directory = Directory.CreateTempSubdirectory("spawn dir ü").FullName;
        var hostile = "a b \"c\" $(true) ü\t;";
        var (child, exited) = Start(
            "printf '%s\\n' \"$PWD\" \"$1\"; cut -d' ' -f6 /proc/$$/stat; env | sort",
            new Dictionary<string, string> { ["ONLY"] = "x=y" }, directory, hostile);

        var lines = (await OutputAsync(child, exited)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(directory, lines[0]);
        Assert.Equal(hostile, lines[1]);
        Assert.Equal(child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[2]); // its session id is its pid
        Assert.Equal(["ONLY=x=y", "PWD=" + directory], lines[3..]); // PWD is the shell's own: nothing of the test host's
        Assert.Equal(0, child.ExitCode);
        Directory.Delete(directory);
    }

    [Theory]
    [InlineData("exit 3", 3)]
    [InlineData("kill -9 $$", 137)]
    [InlineData("kill -15 $$", 143)]
    public async Task Its_exit_code_is_its_own_or_128_plus_the_signal_that_ended_it(string script, int expected)
    {
        var (child, exited) = Start(script);

        await OutputAsync(child, exited);

        Assert.Equal(expected, child.ExitCode);
    }

    [Fact]
    public async Task It_starts_with_SIGPIPE_at_its_default_and_no_signal_blocked_though_dotnet_ignores_SIGPIPE()
    {
        // The spawned process itself, become grep by exec: the shell's own mask says nothing, as dash blocks every signal
        // for a moment while it waits for a child (a grep reading /proc/$$ in that moment saw them all blocked).
        var (child, exited) = Start("exec grep -E '^Sig(Ign|Blk):' /proc/self/status");

        var masks = (await OutputAsync(child, exited)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(l => l[..6], l => Convert.ToUInt64(l[7..].Trim(), 16));

        Assert.Equal(0UL, masks["SigBlk"]);
        Assert.Equal(0UL, masks["SigIgn"] & (1UL << (13 - 1))); // SIGPIPE
    }

    // A launcher started by nohup ignores SIGHUP, and one started as a background job of a script (no job control) SIGINT
    // and SIGQUIT; ignored signals stay ignored across exec. The spawned server must not inherit that: runserver, stopped
    // with SIGINT, would outlive every graceful stop (found in a CI run started with `nohup … &`).
    [Fact]
    public async Task It_starts_with_no_signal_ignored_though_the_launcher_ignores_the_ones_nohup_and_background_jobs_ignore()
    {
        int[] ignored = [1, 2, 3]; // SIGHUP, SIGINT, SIGQUIT
        var saved = ignored.Select(_ => new byte[SigactionBytes]).ToArray();
        SpawnedChildProcess? child;
        Task exited;
        try
        {
            for (var i = 0; i < ignored.Length; i++)
            {
                Assert.Equal(0, sigaction(ignored[i], Ignore(), saved[i]));
            }

            (child, exited) = Start("exec grep -E '^SigIgn:' /proc/self/status");
        }
        finally
        {
            for (var i = 0; i < ignored.Length; i++)
            {
                _ = sigaction(ignored[i], saved[i], null);
            }
        }

        var line = (await OutputAsync(child, exited)).Trim();
        var ignoredByChild = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);

        // None of the 31 standard signals; 32 and 33 are glibc's own (its posix_spawn leaves them ignored, and glibc in the
        // new program takes them over at start).
        Assert.Equal(0UL, ignoredByChild & 0x7FFF_FFFFUL);
    }

    // struct sigaction, larger than any C library's (glibc x86-64: 152 bytes), with the handler first.
    private const int SigactionBytes = 256;

    private static byte[] Ignore()
    {
        var action = new byte[SigactionBytes];
        BitConverter.TryWriteBytes(action.AsSpan(0, IntPtr.Size), (long)1); // SIG_IGN
        return action;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int sigaction(int signal, byte[]? action, byte[]? previous);

    [Fact]
    public async Task It_inherits_no_more_descriptors_than_a_child_of_the_Process_class()
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = SpawnedChildProcess.TryStart(["/bin/ls", "/proc/self/fd"], "/", new Dictionary<string, string>(), () => exited.TrySetResult())!;
        var info = new System.Diagnostics.ProcessStartInfo("/bin/ls", ["/proc/self/fd"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var reference = System.Diagnostics.Process.Start(info)!;

        var spawned = (await OutputAsync(child, exited.Task)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var started = (await reference.StandardOutput.ReadToEndAsync().WaitAsync(Bound)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // 0, 1 and 2 are its pipes, 3 is ls's own; anything else was inherited by the test host from its own parent
        // without close-on-exec, and goes to every child alike.
        Assert.Equal(started, spawned);
        Assert.Subset(spawned.ToHashSet(), new HashSet<string> { "0", "1", "2", "3" });
    }

    [Fact]
    public async Task Closing_its_input_the_watchdogs_lifeline_gives_it_end_of_file()
    {
        var (child, exited) = Start("cat >/dev/null; echo eof");

        child.CloseLifeline();

        Assert.Equal("eof\n", await OutputAsync(child, exited));
        Assert.Equal(0, child.ExitCode);
    }

    [Fact]
    public async Task Its_standard_error_is_a_pipe_of_its_own()
    {
        var (child, exited) = Start("echo out; echo err >&2");
        using var error = new StreamReader(child.StandardError, Encoding.UTF8);

        Assert.Equal("err", await error.ReadLineAsync().WaitAsync(Bound));
        Assert.Equal("out\n", await OutputAsync(child, exited));
    }

    [Fact]
    public async Task Killing_the_tree_reaches_a_grandchild_that_left_the_group()
    {
        var (child, exited) = Start("setsid sleep 300 & echo $!; wait");
        using var reader = new StreamReader(child.StandardOutput, Encoding.UTF8);
        var grandchild = int.Parse((await reader.ReadLineAsync().WaitAsync(Bound))!, System.Globalization.CultureInfo.InvariantCulture);
        await WaitUntilAsync(() => Descendants.Below(child.Id).Contains(grandchild));

        child.KillTree();

        await exited.WaitAsync(Bound);
        Assert.Equal(137, child.ExitCode);
        // The subreaper (the test host, once any server has started) or init reaps it: gone or a zombie, not running.
        await WaitUntilAsync(() => !File.Exists($"/proc/{grandchild}/stat") || File.ReadAllText($"/proc/{grandchild}/stat").Contains(") Z ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_that_does_not_exist_fails_the_start_naming_it()
    {
        var error = Assert.Throws<Win32Exception>(() => Start("true", directory: "/nonexistent/spawn-dir"));

        Assert.Contains("No such file or directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/spawn-dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NUL_in_an_argument_is_refused_rather_than_cut()
    {
        var error = Assert.Throws<Win32Exception>(() => Start("true", null, "/", "before\0after"));

        Assert.Equal("argument 4 holds a NUL character", error.Message); // /bin/sh -c SCRIPT spawned ARGUMENT
    }

    [Fact]
    public void A_NUL_in_an_environment_value_is_refused_naming_the_variable_not_its_value()
    {
        var error = Assert.Throws<Win32Exception>(() => Start("true", new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://u:s3cret\0@db/x" }));

        Assert.Equal("the environment variable DATABASE_URL holds a NUL character", error.Message);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Bound, "the condition never held");
            await Task.Delay(10);
        }
    }

    [Fact]
    public void This_c_library_is_found_able_to_spawn_a_session_before_any_start()
    {
        // Debian 12's glibc 2.36 exports every call; found without starting anything.
        Assert.True(PosixSpawn.IsSupported);
        Assert.True(ProcessGroup.IsSupported);
    }

    [Theory]
    [InlineData(true, true, null, true)] // a slim image without util-linux: posix_spawn makes the session
    [InlineData(true, false, "/usr/bin/setsid", true)] // an older C library: the setsid program does
    [InlineData(true, false, null, false)]
    [InlineData(false, true, "/usr/bin/setsid", false)] // no /bin/sh for the watchdog (or Windows)
    public void Servers_are_grouped_where_either_posix_spawn_or_setsid_makes_the_session_and_a_shell_runs_the_watchdog(bool shell, bool posixSpawn, string? setsid, bool grouped)
    {
        Assert.Equal(grouped, ProcessGroup.IsSupportedWith(shell, posixSpawn, setsid));
    }
}
