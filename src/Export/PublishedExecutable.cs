using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// The command the exported units run: <c>--exec PATH</c> when given (an executable, or an app <c>.dll</c> run by the
/// <c>dotnet</c> host), else the app as it is running now — unless that is a Debug build, which no deployment should run.
/// </summary>
internal static class PublishedExecutable
{
    private const string Owner = "the export";

    /// <summary>The command for <paramref name="exec"/>, or for the running app when it is <see langword="null"/>.</summary>
    public static IReadOnlyList<string> Resolve(string? exec)
    {
        if (exec is null)
        {
            var running = Running();
            if (running.FirstOrDefault(IsDebugBuild) is { } debug)
            {
                throw ExportText.Refused(Owner, "the app's executable", $"'{ExportText.Printable(debug)}' is a Debug build; publish the app (dotnet publish -c Release) and export from there, or give --exec PATH with the published executable's path on the target machine");
            }

            return running;
        }

        DeploymentCheck.AbsolutePath(Owner, "--exec", exec);
        if (!exec.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return [exec];
        }

        // An app assembly runs under the shared host: the one running this export, which is where the app's runtime is.
        return DotnetHost() is { } host
            ? [host, exec]
            : throw ExportText.Refused(Owner, "--exec", $"'{ExportText.Printable(exec)}' is an assembly and this export does not run under the 'dotnet' host to name it; give the app's executable instead");
    }

    /// <summary>The running app's command: its executable, or the <c>dotnet</c> host and the app's assembly.</summary>
    public static IReadOnlyList<string> Running()
    {
        var executable = Environment.ProcessPath ?? "app";
        // Under the shared 'dotnet' host the app is the entry assembly, the first command-line argument.
        return DotnetHost() is { } host && Environment.GetCommandLineArgs() is [var dll, ..]
            ? [host, Path.GetFullPath(dll)]
            : [executable];
    }

    /// <summary>Whether <paramref name="path"/> lies under a <c>bin/Debug</c> build output directory.</summary>
    public static bool IsDebugBuild(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = 0; i + 1 < parts.Length; i++)
        {
            if (parts[i].Equals("bin", StringComparison.OrdinalIgnoreCase) && parts[i + 1].Equals("Debug", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? DotnetHost() =>
        Environment.ProcessPath is { } path && string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? path
            : null;
}
