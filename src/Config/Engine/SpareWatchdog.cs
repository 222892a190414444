using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// A watchdog started for a running server whose own watchdog is gone (see <see cref="ProcessGroup"/>): the same loop
/// on a new lifeline, which SIGKILLs the server's process group when the host closes the lifeline or dies. It cannot
/// join that group (a process joins a group only in its own session, and the server leads a session of its own), so it
/// runs below the host instead, out of reach of the signals a stop sends to the group, and is told the group's id.
/// The server keeps running: replacing the watchdog costs no restart and no request.
/// </summary>
internal sealed class SpareWatchdog
{
    // As ProcessGroup's watchdog; also SIGTSTP and the terminal's stop signals, since it shares the host's group and
    // terminal. Its output goes nowhere: the host does not read it.
    private const string Script = """
        exec >/dev/null 2>&1
        trap '' HUP INT QUIT TERM USR1 USR2 PIPE TSTP TTIN TTOU
        while read -r _; do :; done
        kill -9 -"$1"
        """;

    private readonly Process _process;
    private readonly SafeHandle? _lifeline;

    private SpareWatchdog(Process process)
    {
        _process = process;
        _lifeline = (process.StandardInput.BaseStream as PipeStream)?.SafePipeHandle;
    }

    /// <summary>Its pid.</summary>
    public int Id => _process.Id;

    /// <summary>Whether it still reads its lifeline (<see cref="Lifeline.HasReader"/>).</summary>
    public bool? IsAlive => Lifeline.HasReader(_lifeline);

    /// <summary>Starts a watchdog for the process group <paramref name="groupId"/> of the server <paramref name="processName"/>.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">/bin/sh could not be started.</exception>
    public static SpareWatchdog Start(string processName, int groupId)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true, // the lifeline: its write end is the host's alone (close-on-exec)
            WorkingDirectory = "/",
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add("prodserver-" + processName + "-watchdog");
        info.ArgumentList.Add(groupId.ToString(CultureInfo.InvariantCulture));
        return new SpareWatchdog(Process.Start(info)!);
    }

    /// <summary>Closes its lifeline: it kills what is left of the group and exits; it is reaped in the background.</summary>
    public void Close()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It is gone already.
        }

        _ = _process.WaitForExitAsync().ContinueWith(_ => _process.Dispose(), System.Threading.Tasks.TaskScheduler.Default);
    }
}
