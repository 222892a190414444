using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Whether a unit finds the same server command as the launcher does here. Without <c>Venv</c> or a <c>Python</c> path the
/// engine looks the command (<c>gunicorn</c>, <c>python3</c>) up on <c>PATH</c>, and the exporting shell's <c>PATH</c> often
/// starts with an activated virtualenv or a pyenv shim; a systemd service (and a supervisord started as one) searches only
/// the system directories, so the unit would run another gunicorn, without the app's packages, or none at all.
/// </summary>
internal static class ServicePath
{
    /// <summary>The <c>PATH</c> systemd gives a service (<c>systemd-path search-binaries-default</c>, systemd 252).</summary>
    public const string SystemdDefault = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>
    /// One line for <paramref name="process"/> when the command it runs, resolved on <paramref name="deployment"/>'s
    /// launcher <c>PATH</c>, is not the one <paramref name="servicePath"/> finds, naming <c>Venv</c> and <c>Python</c> as the fix.
    /// </summary>
    /// <param name="deployment">The app: its content root and the PATH the launcher searches here.</param>
    /// <param name="process">The process.</param>
    /// <param name="whosePath">Whose PATH that is, for the message (<c>the unit's PATH</c>).</param>
    /// <param name="servicePath">The PATH the target gives the app.</param>
    public static string? Difference(Deployment deployment, ProcessDefinition process, string whosePath, string servicePath = SystemdDefault)
    {
        if (deployment.LauncherPath.Length == 0
            || Executable(deployment, process, deployment.LauncherPath) is not { } here
            || Executable(deployment, process, servicePath) is not { } there || here == there)
        {
            return null;
        }

        var found = there.Contains('/', StringComparison.Ordinal) ? $"finds {ExportText.Printable(there)}" : $"finds no {ExportText.Printable(there)}";
        return $"{ExportText.Process(process)}: the launcher here runs {ExportText.Printable(here)} (found on this shell's PATH), but {whosePath} "
            + $"({servicePath}) {found}: set Venv to the virtual environment (or Python to the interpreter) that has the server, then export again.";
    }

    // What the engine would start, resolved as it resolves it; a process it could not plan (a missing env file, ...) is left
    // to --check and to the start itself, which say why.
    private static string? Executable(Deployment deployment, ProcessDefinition process, string path)
    {
        try
        {
            return LaunchPlanner.Plan(process, deployment.WorkingDirectory, path, requireExecutable: false, hostEnvironment: new Dictionary<string, string>()).Executable;
        }
        catch (Exception ex) when (ex is ServerLaunchException or ArgumentException or System.IO.IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
