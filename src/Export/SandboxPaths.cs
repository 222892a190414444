using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Which paths a sandboxed systemd service must still see, and how it is shown them. <c>ProtectHome=</c> hides
/// <c>/home</c>, <c>/root</c> and <c>/run/user</c>, and <c>PrivateTmp=</c> replaces <c>/tmp</c> and <c>/var/tmp</c> with
/// empty directories: an app published under its user's home (<c>dotnet publish -o publish</c> in <c>~/src/site</c>, the
/// template's next step), a virtualenv there, or a .NET installed in <c>~/.dotnet</c> would make the unit fail at its
/// start (status 200/CHDIR, 203/EXEC). Each such path is bound into the sandbox instead, read-only where the service only
/// reads it (<c>BindReadOnlyPaths=</c>), writable where it writes (<c>BindPaths=</c>), over an empty, read-only home
/// (<c>ProtectHome=tmpfs</c>), so that the rest of every home stays hidden.
/// </summary>
/// <param name="Reads">The directories and files the unit reads, absolute, each with the setting it comes from (<see cref="Read"/>).</param>
/// <param name="Writes">The directories the unit writes, absolute, each with the setting that writes it (<see cref="WritablePaths"/>).</param>
/// <param name="ReadWrite">Writable paths the sandbox shows anyway: <c>ReadWritePaths=</c> under <c>ProtectSystem=strict</c>.</param>
/// <param name="BindReadOnly">Hidden paths the service reads, bound in read-only.</param>
/// <param name="BindWritable">Hidden paths the service writes, bound in writable.</param>
/// <param name="Unbound">
/// Paths that are a hidden directory itself (an app whose content root is <c>/tmp</c> or <c>/root</c>): binding those would
/// undo the sandbox (a read-only <c>/tmp</c> breaks every server's temporary files), so they are only said.
/// </param>
internal sealed record SandboxPaths(
    IReadOnlyList<(string Path, string Key)> Reads,
    IReadOnlyList<(string Path, string Key)> Writes,
    IReadOnlyList<string> ReadWrite, IReadOnlyList<string> BindReadOnly, IReadOnlyList<string> BindWritable, IReadOnlyList<string> Unbound)
{
    private static readonly string[] HomeRoots = ["/home", "/root", "/run/user"];
    private static readonly string[] TemporaryRoots = ["/tmp", "/var/tmp"];

    /// <summary>Whether a bound path lies in a home, so that homes must be an empty tmpfs rather than inaccessible.</summary>
    public bool BindsHome => BindReadOnly.Concat(BindWritable).Any(p => IsUnder(p, HomeRoots));

    /// <summary>The paths <paramref name="process"/>'s unit reads and writes, sorted into what its sandbox shows and binds.</summary>
    /// <param name="deployment">The app: its command and content root.</param>
    /// <param name="process">The process.</param>
    public static SandboxPaths Of(Deployment deployment, ProcessDefinition process)
    {
        var owner = ExportText.Process(process);
        var writes = WritablePaths.Of(process, deployment.WorkingDirectory)
            .Select(p => (DeploymentCheck.AbsolutePath(owner, p.Key, p.Directory), p.Key))
            .ToList();
        return Sorted(Read(deployment, process).ToList(), writes);
    }

    /// <summary>
    /// The paths the release unit reads: the app, the content root, and each step's working directory and Python
    /// installation (or its program's directory). What a step writes is its own (collectstatic's STATIC_ROOT, a SQLite
    /// database) and is not known here; the export says so.
    /// </summary>
    /// <param name="deployment">The app: its command, content root and release steps.</param>
    public static SandboxPaths OfRelease(Deployment deployment) => Sorted(ReleaseReads(deployment).ToList(), []);

    private static SandboxPaths Sorted(List<(string Path, string Key)> reads, List<(string, string Key)> writes)
    {
        var written = writes.Select(w => w.Item1).ToList();
        var read = reads.Select(r => r.Path).ToList();
        var boundWritable = written.Where(IsBindable).ToList();
        var boundReadOnly = new List<string>();
        foreach (var path in read.Where(IsBindable))
        {
            if (!boundWritable.Concat(boundReadOnly).Any(b => IsUnder(path, b)))
            {
                boundReadOnly.RemoveAll(b => IsUnder(b, path));
                boundReadOnly.Add(path);
            }
        }

        var unbound = written.Concat(read).Where(IsHiddenRoot).Distinct().ToList();
        return new(reads, writes, written.Where(p => !IsHiddenBySandbox(p)).ToList(), boundReadOnly, boundWritable, unbound);
    }

    /// <summary>
    /// The paths the unit reads, absolute, with the setting each comes from: the directory of each program on its
    /// command line (the published app, <c>dotnet</c>), the content root, and the process's working directory, virtualenv,
    /// Python installation and <c>PythonPath</c> entries, as they resolve at run time; and the files the app reads at start
    /// (the process's <c>EnvFile</c>s, the export's <c>--env-file</c>s, a <c>ManagePy</c> set, gunicorn's <c>Config</c> file).
    /// </summary>
    /// <param name="deployment">The app.</param>
    /// <param name="process">The process.</param>
    private static IEnumerable<(string Path, string Key)> Read(Deployment deployment, ProcessDefinition process)
    {
        var owner = ExportText.Process(process);
        var contentRoot = deployment.WorkingDirectory;
        foreach (var word in deployment.Command.Where(Path.IsPathFullyQualified))
        {
            foreach (var program in AsWrittenAndLinkedTo(owner, "--exec", word))
            {
                yield return (Path.GetDirectoryName(program) ?? "/", "--exec");
            }
        }

        yield return (contentRoot, "the working directory (content root)");
        yield return (Resolved(owner, "WorkingDirectory", process.WorkingDirectory ?? ".", contentRoot), "WorkingDirectory");
        if (process.Venv is { } venv)
        {
            yield return (Resolved(owner, "Venv", venv, contentRoot), "Venv");
        }

        // A bare name (python3) is looked up on the service's PATH, which holds only system directories.
        if (process.Python is { } python && python.Contains('/', StringComparison.Ordinal))
        {
            // A virtualenv's python is a link out of it, and Python finds the virtualenv from the path it was started as.
            foreach (var interpreter in AsWrittenAndLinkedTo(owner, "Python", Resolved(owner, "Python", python, contentRoot)))
            {
                yield return (Installation(interpreter), "Python");
            }
        }

        foreach (var entry in process.PythonPath)
        {
            yield return (Resolved(owner, "PythonPath", entry, contentRoot), "PythonPath");
        }

        // Files the app itself reads at every start, inside the sandbox: a missing or unreadable one stops the process
        // before its server runs. Each file is bound alone, so that the rest of its directory stays hidden.
        foreach (var file in process.EnvFiles)
        {
            yield return (Resolved(owner, "EnvFile", file, contentRoot), "EnvFile");
        }

        foreach (var file in deployment.EnvFiles)
        {
            yield return (Resolved("the export", "--env-file", file, contentRoot), "--env-file");
        }

        var workingDirectory = Resolved(owner, "WorkingDirectory", process.WorkingDirectory ?? ".", contentRoot);
        if (process.ManagePy is { } managePy)
        {
            yield return (Resolved(owner, "ManagePy", managePy, workingDirectory), "ManagePy");
        }

        // gunicorn reads its --config file at start, relative to its working directory ("python:module" is imported instead).
        if (process.Args is GunicornArgs { Config: { } config } && !config.StartsWith("python:", StringComparison.Ordinal))
        {
            yield return (Resolved(owner, "Args:Config", config, workingDirectory), "Args:Config");
        }
    }

    private static IEnumerable<(string Path, string Key)> ReleaseReads(Deployment deployment)
    {
        var contentRoot = deployment.WorkingDirectory;
        foreach (var read in Programs(deployment))
        {
            yield return read;
        }

        yield return (contentRoot, "the working directory (content root)");
        foreach (var file in deployment.EnvFiles)
        {
            yield return (Resolved("the export", "--env-file", file, contentRoot), "--env-file"); // on its command line too
        }

        foreach (var step in deployment.ReleaseSteps)
        {
            var owner = $"release step '{ExportText.Printable(step.Name)}'";
            yield return (Resolved(owner, "WorkingDirectory", step.WorkingDirectory ?? ".", contentRoot), "WorkingDirectory");
            var program = step.Python ?? step.Command.FirstOrDefault();
            if (program is not null && program.Contains('/', StringComparison.Ordinal))
            {
                var key = step.Python is null ? "Command" : "Python";
                foreach (var path in AsWrittenAndLinkedTo(owner, key, Resolved(owner, key, program, contentRoot)))
                {
                    yield return (step.Python is null ? Path.GetDirectoryName(path) ?? "/" : Installation(path), key);
                }
            }
        }
    }

    // The directory of each program on the app's command line (the published app, dotnet).
    private static IEnumerable<(string Path, string Key)> Programs(Deployment deployment)
    {
        foreach (var word in deployment.Command.Where(Path.IsPathFullyQualified))
        {
            foreach (var program in AsWrittenAndLinkedTo("the export", "--exec", word))
            {
                yield return (Path.GetDirectoryName(program) ?? "/", "--exec");
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or inside it.</summary>
    public static bool IsUnder(string path, string directory) =>
        path == directory || path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static bool IsUnder(string path, string[] roots) => roots.Any(r => IsUnder(path, r));

    /// <summary>Whether the sandbox hides <paramref name="path"/>: it is in a home (<c>ProtectHome=</c>) or in <c>/tmp</c>, <c>/var/tmp</c> (<c>PrivateTmp=</c>).</summary>
    public static bool IsHiddenBySandbox(string path) => IsUnder(path, HomeRoots) || IsUnder(path, TemporaryRoots);

    private static bool IsBindable(string path) => IsHiddenBySandbox(path) && !IsHiddenRoot(path);

    private static bool IsHiddenRoot(string path) => HomeRoots.Concat(TemporaryRoots).Contains(path.TrimEnd('/') is { Length: > 0 } p ? p : "/");

    private static string Resolved(string owner, string key, string path, string contentRoot) =>
        Path.GetFullPath(ExportText.Carryable(owner, key, path), contentRoot);

    // A Python's installation is the prefix above its bin directory: its standard library lives beside that bin, not in it.
    private static string Installation(string interpreter)
    {
        var bin = Path.GetDirectoryName(interpreter) ?? "/";
        return Path.GetFileName(bin) == "bin" ? Path.GetDirectoryName(bin) ?? "/" : bin;
    }

    // The path, and where it leads if it is a link (/usr/local/bin/dotnet -> ~/.dotnet/dotnet) on this machine, which is
    // the target machine when exported from the published app. The link's text is the file system's, not the user's: it is
    // held to the same rules as any value before it reaches the unit.
    private static IEnumerable<string> AsWrittenAndLinkedTo(string owner, string key, string path)
    {
        yield return path;
        if (SymbolicLinks.FinalTarget(path) is { } target && target != path)
        {
            yield return ExportText.Carryable(owner, key + " (where its link leads)", target);
        }
    }
}
