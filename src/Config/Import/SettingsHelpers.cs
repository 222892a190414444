using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// What a settings module started and left running while the import's Python read it (a helper from
/// <c>subprocess.Popen</c>, a shell's background job): found by the environment tag the run's Python was given
/// (<see cref="Descendants"/>, as the engine finds what a server leaves behind), stopped, and named for the note.
/// </summary>
/// <remarks>
/// Stopped rather than left: the import only reads the settings, and a helper they start lives on with nothing to serve
/// (a tunnel that then holds its port when the real server starts it again), and one holding the reader's output pipes
/// would keep it waiting for an end-of-file that never comes. A helper that cleared its environment carries no tag and is
/// not found (the run's time bound still ends the wait). Linux only; elsewhere nothing is found.
/// </remarks>
internal static class SettingsHelpers
{
    // How long the killed helpers are waited for: SIGKILL ends a process in milliseconds, unless it is stuck in the kernel.
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>Kills every live process carrying <paramref name="tag"/>, waits until they are gone, and returns each one as <c>pid N 'command line'</c>.</summary>
    /// <param name="tag">The run's tag (<see cref="Descendants.NewTag"/>).</param>
    /// <param name="python">The run's Python, which has exited (its pid is not looked at).</param>
    /// <param name="startedFrom">Taken before Python started (<see cref="Descendants.StartTimeFloor"/>).</param>
    public static async Task<IReadOnlyList<string>> StopAsync(string tag, int python, long startedFrom)
    {
        var stopped = new List<string>();
        var killed = new List<int>();
        // Whatever they forked while we looked carries the tag too: looked for again, a few rounds.
        for (var round = 0; round < 4 && Descendants.FindTagged(tag, python, startedFrom).FindAll(pid => !killed.Contains(pid)) is { Count: > 0 } found; round++)
        {
            foreach (var pid in found)
            {
                stopped.Add($"pid {pid} '{ProcFile.CommandLine(pid)}'");
            }

            Descendants.Kill(found);
            killed.AddRange(found);
        }

        if (killed.Count > 0)
        {
            // With the host a child subreaper (NewTag made it one), the orphans are its children: their zombies are reaped here.
            _ = await Descendants.ReapAsync(killed, python, KillWait).ConfigureAwait(false);
        }

        return stopped;
    }
}
