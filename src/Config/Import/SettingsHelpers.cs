using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// What a settings module started and left running while the import's Python read it (a helper from
/// <c>subprocess.Popen</c>, a shell's background job): found by the environment tag the run's Python was given
/// (<see cref="Descendants"/>, as the engine finds what a server leaves behind) or by the run's pipes it holds, stopped,
/// and named for the note.
/// </summary>
/// <remarks>
/// Stopped rather than left: the import only reads the settings, and a helper they start lives on with nothing to serve
/// (a tunnel that then holds its port when the real server starts it again), and one holding the reader's output pipes
/// would keep it waiting for an end-of-file that never comes. A helper that cleared its environment carries no tag, and is
/// found by the run's pipes it still holds (<see cref="PipesOf"/>); one that also closed them, and left, is not
/// found (nor does it hold anything the import waits for). Linux only; elsewhere nothing is found.
/// </remarks>
internal static class SettingsHelpers
{
    // How long the killed helpers are waited for: SIGKILL ends a process in milliseconds, unless it is stuck in the kernel.
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Kills every live process carrying <paramref name="tag"/> or holding one of <paramref name="pipes"/>, waits until they
    /// are gone, and returns each one as <c>pid N 'command line'</c>.
    /// </summary>
    /// <param name="tag">The run's tag (<see cref="Descendants.NewTag"/>).</param>
    /// <param name="python">The run's Python, which has exited (its pid is not looked at).</param>
    /// <param name="startedFrom">Taken before Python started (<see cref="Descendants.StartTimeFloor"/>).</param>
    /// <param name="pipes">The run's pipes (<see cref="PipesOf"/>): whatever still holds one is stopped too, tag or not.</param>
    public static async Task<IReadOnlyList<string>> StopAsync(string tag, int python, long startedFrom, IReadOnlySet<string>? pipes = null)
    {
        var stopped = new List<string>();
        var killed = new List<int>();

        // Both searches below end here, so that each process is named the same way and killed once. Named before it is
        // killed: once it is gone its command line is too.
        void DescribeKillRemember(List<int> found)
        {
            stopped.AddRange(found.ConvertAll(pid => $"pid {pid} '{ProcFile.CommandLine(pid)}'"));
            Descendants.Kill(found);
            killed.AddRange(found);
        }

        // Whatever they forked while we looked carries the tag too: looked for again, a few rounds.
        for (var round = 0; round < 4 && Descendants.FindTagged(tag, python, startedFrom).FindAll(pid => !killed.Contains(pid)) is { Count: > 0 } found; round++)
        {
            DescribeKillRemember(found);
        }

        // A helper that cleared its environment carries no tag, but keeps the descriptors it inherited: once Python has
        // exited, only what the settings started holds the run's pipes.
        if (pipes is { Count: > 0 } && Descendants.IsSupported
            && DescriptorHolders.Find(pipes, except: Environment.ProcessId, writersOnly: true).FindAll(pid => pid != python && !killed.Contains(pid)) is { Count: > 0 } holding)
        {
            DescribeKillRemember(holding);
        }

        if (killed.Count > 0)
        {
            // With the host a child subreaper (NewTag made it one), the orphans are its children: their zombies are reaped here.
            _ = await Descendants.ReapAsync(killed, python, KillWait).ConfigureAwait(false);
        }

        return stopped;
    }

    /// <summary>The pipes this process reads <paramref name="process"/>'s stdout and stderr from, as holders' descriptors name them (<c>pipe:[INODE]</c>).</summary>
    public static HashSet<string> PipesOf(System.Diagnostics.Process process)
    {
        var pipes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stream in new[] { process.StandardOutput.BaseStream, process.StandardError.BaseStream })
        {
            if (stream is System.IO.Pipes.PipeStream pipe && DescriptorHolders.OwnTarget(pipe.SafePipeHandle.DangerousGetHandle()) is { } target)
            {
                pipes.Add(target);
            }
        }

        return pipes;
    }
}
