using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// The production processes of the app, bound from code (<c>AddProdServer</c>) and from the <c>ProdServer</c>
/// configuration section, which wins where both set a value.
/// </summary>
public sealed partial class ProdServerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProdServer";

    private readonly List<ProcessDefinition> _processes = [];

    /// <summary>The processes in declaration order; the first is the default process.</summary>
    public IReadOnlyList<ProcessDefinition> Processes => _processes;

    /// <summary>One-off steps (migrate, collectstatic) that must each exit 0, in order, before any server starts.</summary>
    public IList<ReleaseStep> ReleaseSteps { get; } = new List<ReleaseStep>();

    /// <summary>The process started when none is named; when <see langword="null"/>, the first of <see cref="Processes"/>.</summary>
    public string? DefaultProcess { get; set; }

    /// <summary>Problems found while binding configuration, reported by validation at start.</summary>
    internal List<string> SectionBindingErrors { get; } = [];

    /// <summary>Every problem binding found: the section's, then each process's.</summary>
    internal IReadOnlyList<string> BindingErrors => [.. SectionBindingErrors, .. ProcessBindingErrors.Values.SelectMany(e => e)];

    /// <summary>
    /// Problems found while binding one process's settings, by process name (declared or not: an unknown backend leaves
    /// it undeclared); reported when a command validates that process (see <see cref="ValidationScope"/>).
    /// </summary>
    internal Dictionary<string, List<string>> ProcessBindingErrors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The processes configuration declares, in the order they were bound (written order, then the unordered ones), bound or not.</summary>
    internal List<string> ConfiguredProcessOrder { get; } = [];

    /// <summary>Whether binding found any problem, in the section or in any process.</summary>
    internal bool HasBindingErrors => BindingErrors.Count > 0;

    /// <summary>The list the binding problems of process <paramref name="name"/> go to.</summary>
    internal List<string> BindingErrorsOf(string name)
    {
        if (!ProcessBindingErrors.TryGetValue(name, out var errors))
        {
            ProcessBindingErrors[name] = errors = [];
        }

        return errors;
    }

    /// <summary>
    /// Warnings found while binding configuration (settings dropped by a backend switch), by process, with the note said
    /// instead in the Development environment; logged at start.
    /// </summary>
    internal List<(string Process, string Message, string InDevelopment)> BindingWarnings { get; } = [];

    /// <summary>Information found while binding configuration (an alias that has a shorter name), logged at start.</summary>
    internal List<string> BindingNotes { get; } = [];

    /// <summary>Processes declared only where no order exists (environment variables, the command line); listed after the others.</summary>
    internal List<string> UnorderedProcesses { get; } = [];

    /// <summary>Finds a process by name, ignoring case as configuration keys do (<c>WEB</c> from an environment variable is <c>web</c>).</summary>
    /// <param name="name">The process name.</param>
    /// <returns>The process, or <see langword="null"/>.</returns>
    public ProcessDefinition? Find(string name) => _processes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Returns the process called <paramref name="name"/>, creating it with <paramref name="backend"/> if it does not exist yet.</summary>
    /// <param name="name">The process name.</param>
    /// <param name="backend">The backend of a new process; an existing process switches to it (its args reset) if it differs.</param>
    /// <returns>The process.</returns>
    public ProcessDefinition GetOrAdd(string name, ServerBackend backend)
    {
        if (Find(name) is { } existing)
        {
            if (!ReferenceEquals(existing.Backend, backend))
            {
                existing.Backend = backend;
                existing.Args = backend.CreateDefaultArgs();
            }

            return existing;
        }

        var process = new ProcessDefinition(name, backend);
        _processes.Add(process);
        return process;
    }

    /// <summary>The process to run when none is named on the command line.</summary>
    /// <returns>The default process, or <see langword="null"/> when there is none.</returns>
    public ProcessDefinition? ResolveDefault() => DefaultProcess is { } name ? Find(name) : _processes.FirstOrDefault();
}
