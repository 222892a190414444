using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// What every export target needs to know: the app's own command (each exported unit runs the app's entry point with a
/// process name, so the typed configuration stays the single source of truth), where it runs, and which processes.
/// </summary>
/// <param name="AppName">A name for the app, used in unit, program and group names (letters, digits, <c>-</c>, <c>_</c>).</param>
/// <param name="Command">The app's command: its executable and any leading arguments (<c>dotnet app.dll</c>).</param>
/// <param name="WorkingDirectory">The directory the app runs in (its content root).</param>
/// <param name="Processes">The processes to export.</param>
/// <param name="EnvironmentName">The host environment the exported units run in, normally <c>Production</c>.</param>
public sealed record Deployment(
    string AppName,
    IReadOnlyList<string> Command,
    string WorkingDirectory,
    IReadOnlyList<ProcessDefinition> Processes,
    string EnvironmentName = "Production")
{
    /// <summary>
    /// The account the units run as (systemd <c>User=</c>, supervisord <c>user=</c>); <see langword="null"/> for the
    /// manager's default (systemd: a dynamic user unless <see cref="Hardening"/> is <see cref="ExportHardening.None"/>).
    /// </summary>
    public string? User { get; init; }

    /// <summary>
    /// The container image Compose and Kubernetes run, <c>NAME:TAG</c> or <c>NAME@sha256:…</c>; Kubernetes requires a tag
    /// other than <c>latest</c> or a digest. Compose falls back to <see cref="AppName"/>.
    /// </summary>
    public string? Image { get; init; }

    /// <summary>
    /// Absolute paths of <c>.env</c> files given to the export: passed to the app's own <c>--env-file</c> in every target,
    /// so that the app's parser reads them and their values only reach the servers, as under the launcher (systemd binds
    /// them into the sandbox, Compose mounts them, Kubernetes mounts them from a Secret); never written by value.
    /// </summary>
    public IReadOnlyList<string> EnvFiles { get; init; } = [];

    /// <summary>
    /// The <c>PATH</c> the launcher searches where the export runs (the exporting shell's), to compare what it finds with
    /// what a unit's <c>PATH</c> finds (<see cref="ServicePath"/>); empty when not known (a deployment built in code), and then
    /// nothing is compared.
    /// </summary>
    internal string LauncherPath { get; init; } = string.Empty;

    /// <summary>
    /// The app's release steps (<c>migrate</c>, <c>collectstatic</c>, …), which the launcher runs once before any server:
    /// when there are any, systemd, Compose and Kubernetes get one release unit, service or Job that runs them
    /// (<c>&lt;app&gt; --release-only</c>) and processes that run with <c>--skip-release</c> after it. Only their presence is
    /// exported: each runs as configured in the app.
    /// </summary>
    public IReadOnlyList<ReleaseStep> ReleaseSteps { get; init; } = [];

    /// <summary>How much sandboxing the systemd units get; default <see cref="ExportHardening.Strict"/>.</summary>
    public ExportHardening Hardening { get; init; } = ExportHardening.Strict;

    /// <summary>Extra seconds each outer supervisor waits beyond our own stop timeout, so that its kill never races ours.</summary>
    public const int StopMarginSeconds = 5;

    /// <summary>The name a release unit, service or Job is made from (<c>&lt;app&gt;-release</c>); no process may take it.</summary>
    internal const string ReleaseName = "release";

    /// <summary>The command line that runs <paramref name="process"/> through the app, shell-quoted.</summary>
    /// <param name="process">The process.</param>
    /// <returns>For example <c>/srv/app/quickstart web</c>.</returns>
    public string CommandLine(ProcessDefinition process) =>
        string.Join(' ', Arguments(process, withEnvFiles: false).Select(ShellQuoting.Quote));

    /// <summary>
    /// The words that run <paramref name="process"/>: the app's command, <c>--env-file PATH</c> for each of
    /// <see cref="EnvFiles"/> when asked (every target but Kubernetes, whose container sees them elsewhere),
    /// <c>--skip-release</c> when the target runs the release steps once before it (<paramref name="releasedBefore"/>, and
    /// there are any), and the process name.
    /// </summary>
    internal IReadOnlyList<string> Arguments(ProcessDefinition process, bool withEnvFiles, bool releasedBefore = true) =>
        [.. Command, .. withEnvFiles ? EnvFiles.SelectMany(f => new[] { "--env-file", f }) : [], .. releasedBefore && ReleaseSteps.Count > 0 ? ["--skip-release"] : Array.Empty<string>(), process.Name];

    /// <summary>
    /// The words that run the release steps alone, once, before the processes (<c>&lt;app&gt; --release-only</c>), with the
    /// app's <c>--env-file PATH</c> for each of <see cref="EnvFiles"/> when asked, as <see cref="Arguments"/> has them.
    /// </summary>
    internal IReadOnlyList<string> ReleaseArguments(bool withEnvFiles) =>
        [.. Command, .. withEnvFiles ? EnvFiles.SelectMany(f => new[] { "--env-file", f }) : [], "--release-only"];

    /// <summary>
    /// How long an outer supervisor (systemd, supervisord, Compose) should wait for a stop: longer than our own stop
    /// timeout, which is longer than the server's graceful timeout, so the three nest.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>Whole seconds.</returns>
    public static int OuterStopSeconds(ProcessDefinition process) =>
        (int)Math.Ceiling(process.EffectiveStopTimeout.TotalSeconds) + StopMarginSeconds;

    /// <summary>The processes of this deployment that <paramref name="process"/> depends on (<see cref="ProcessDefinition.DependsOn"/>).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The dependencies, in declaration order.</returns>
    public IReadOnlyList<ProcessDefinition> Dependencies(ProcessDefinition process) =>
        Processes.Where(p => process.DependsOn.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>How many dependency levels lie below <paramref name="process"/>: 0 without dependencies (cycles are refused by validation).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The depth.</returns>
    public int DependencyDepth(ProcessDefinition process) => DependencyDepth(process, 0);

    /// <summary>A unit/program name for <paramref name="process"/>: <c>&lt;app&gt;-&lt;process&gt;</c>.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The name.</returns>
    public string UnitName(ProcessDefinition process) => AppName + "-" + Sanitize(process.Name);

    /// <summary>Describes the running app: its command as the OS started it, its base directory as working directory.</summary>
    /// <param name="processes">The processes to export.</param>
    /// <param name="contentRoot">The app's content root.</param>
    /// <returns>The deployment.</returns>
    public static Deployment OfCurrentApp(IReadOnlyList<ProcessDefinition> processes, string contentRoot) =>
        OfApp(PublishedExecutable.Running(), processes, contentRoot);

    /// <summary>Describes the app that <paramref name="command"/> runs, named after its executable or assembly.</summary>
    /// <param name="command">The app's command (see <see cref="PublishedExecutable"/>).</param>
    /// <param name="processes">The processes to export.</param>
    /// <param name="contentRoot">The app's content root.</param>
    /// <returns>The deployment.</returns>
    internal static Deployment OfApp(IReadOnlyList<string> command, IReadOnlyList<ProcessDefinition> processes, string contentRoot)
    {
        var name = Sanitize(ProgramName(command[^1])).Trim('-', '_');
        return new Deployment(name.Length == 0 ? "app" : name, command, contentRoot, processes);
    }

    // The program's name without .dll or .exe, and nothing else cut: an apphost has no extension, so "Contoso.Shop" is the
    // whole name (cut at its dot, Contoso.Shop and Contoso.Blog would both have written Contoso-web.service and Contoso.target).
    internal static string ProgramName(string path)
    {
        var file = Path.GetFileName(path);
        return file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
    }

    private int DependencyDepth(ProcessDefinition process, int guard) =>
        guard > Processes.Count ? 0 : Dependencies(process).Select(d => 1 + DependencyDepth(d, guard + 1)).DefaultIfEmpty(0).Max();

    internal static string Sanitize(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
