using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Django's manage.py run as a process's server runs: on the Python its server's command runs on
/// (<see cref="ServerVersionCheck.Interpreter"/>), in its working directory and environment, with its manage.py
/// (<see cref="ProcessDefinition.ManagePy"/>, else manage.py in the working directory). Shared by <c>app manage</c> and
/// <c>--check</c>'s deployment checklist, so both find the same project.
/// </summary>
internal static class ManagePyLaunch
{
    /// <summary>
    /// The plan that runs <c>manage.py <paramref name="arguments"/></c> beside <paramref name="run"/>, or
    /// <see langword="null"/> with <paramref name="problem"/> (one line naming the process and the key) when the
    /// server's Python is not known or there is no manage.py.
    /// </summary>
    public static LaunchPlan? For(ProcessDefinition process, LaunchPlan run, IReadOnlyList<string> arguments, out string? problem)
    {
        if (ServerVersionCheck.Interpreter(run) is not { } python)
        {
            problem = $"Process '{process.Name}': {Names.PrintablePath(run.Executable)} is not a Python script, so the Python that would run manage.py is not known; " +
                $"set Python or Venv on the process ({ProdServerOptions.SectionName}:Processes:{process.Name}:Python), or name a process whose server is a Python program (--process NAME).";
            return null;
        }

        var managePy = LaunchPlanner.ManagePy(process, run.WorkingDirectory, mustExist: false);
        if (!File.Exists(managePy))
        {
            problem = LaunchPlanner.NoManagePy(process, managePy);
            return null;
        }

        problem = null;
        // As written (relative to the working directory, the child's), so that a command line shows what was configured.
        return run with { Executable = python[0], Arguments = [.. python.Skip(1), process.ManagePy ?? "manage.py", .. arguments] };
    }
}
