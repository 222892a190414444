using System;
using System.IO;
using System.Threading.Tasks;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// What the <c>--check</c> specs share: a project to run <c>--check</c> in, run as a user's Program.cs runs it
/// (<see cref="EntryPoint"/>), with Debian's <see cref="Python"/>, which has the servers the checks run for real. The
/// project is either the Django project of the command specs (<see cref="InCommandSite"/>) or a fresh directory
/// (<see cref="InNewDirectory"/>); either way <see cref="Write"/> puts the modules a spec needs into a fresh directory
/// (<see cref="Scratch"/>: the project itself, or one to add to a process's PythonPath), deleted on dispose.
/// </summary>
internal sealed class CheckedProject : IDisposable
{
    /// <summary>Debian's interpreter, whose packages the checks import (django, django-q, django-rq, celery, gunicorn, uvicorn, hypercorn).</summary>
    public const string Python = "/usr/bin/python3";

    private readonly TemporaryDirectory _scratch = new();

    private CheckedProject(string? root) => Root = root ?? _scratch.Path;

    /// <summary>The content root <c>--check</c> runs in.</summary>
    public string Root { get; }

    /// <summary>The directory <see cref="Write"/> writes into: <see cref="Root"/> for a new directory, else a directory of its own.</summary>
    public string Scratch => _scratch.Path;

    /// <summary>
    /// The fixture Django project (<c>Fixtures/command_site</c>: manage.py, the <c>cmdsite</c> settings with and without
    /// the task apps, celery apps, job classes), used as it is, never written to.
    /// </summary>
    public static CheckedProject InCommandSite() => new(Path.Combine(Repository.Root, "tests", "Config.Tests", "Fixtures", "command_site"));

    /// <summary>A fresh, empty directory, the project's modules written into it by the spec.</summary>
    public static CheckedProject InNewDirectory() => new(null);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> under <see cref="Scratch"/>, creating its directories.</summary>
    /// <returns>The file's full path.</returns>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Scratch, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs <c>--check --all</c> of <paramref name="processes"/> in <see cref="Root"/>: the exit code and what was written.</summary>
    public Task<(int Code, string Output, string Error)> CheckAsync(Action<ProdServerBuilder> processes) =>
        EntryPoint.RunAsync(Root, processes, null, "--check", "--all");

    /// <inheritdoc />
    public void Dispose() => _scratch.Dispose();
}
