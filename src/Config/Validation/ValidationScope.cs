using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// The processes a command validates: the ones it starts, prints or exports, and what they depend on. Any other process
/// may be invalid without failing it (an unfinished worker does not stop <c>web --dry-run</c>); problems of the section as
/// a whole (ProdServer:Default, Release, Logs) always count.
/// </summary>
internal sealed class ValidationScope
{
    private readonly IReadOnlyList<string>? _names; // null: every process, or the default one
    private readonly bool _default;
    private readonly bool _withDependencies;

    private ValidationScope(IReadOnlyList<string>? names, bool withDependencies, bool isDefault = false, bool together = false)
    {
        _names = names;
        _withDependencies = withDependencies;
        _default = isDefault;
        Together = together;
    }

    /// <summary>
    /// Every process, each as if run on its own: <c>--check</c>, and code that reads the options itself. Processes that a
    /// django-prodserver configuration starts one at a time may share a port.
    /// </summary>
    public static ValidationScope Everything { get; } = new(null, withDependencies: false);

    /// <summary>Every process, run together: <c>--all</c> and an export of everything (a systemd target starts them all).</summary>
    public static ValidationScope EverythingTogether { get; } = new(null, withDependencies: false, together: true);

    /// <summary>Whether the processes in scope run at the same time, so that two of them may not listen on one port.</summary>
    public bool Together { get; }

    /// <summary>No process, only the section as a whole: <c>--list</c>, which then states each process's validity itself.</summary>
    public static ValidationScope SectionOnly { get; } = new([], withDependencies: false);

    /// <summary>The named processes and what they depend on; no name means the default process.</summary>
    /// <param name="names">The names from the command line.</param>
    /// <returns>The scope.</returns>
    public static ValidationScope Of(IReadOnlyList<string> names) => new(names.Count == 0 ? null : names, withDependencies: true, isDefault: names.Count == 0, together: true);

    /// <summary>One process alone, its dependencies not included (the state <c>--list</c> prints for it).</summary>
    /// <param name="name">The process name.</param>
    /// <returns>The scope.</returns>
    public static ValidationScope Only(string name) => new([name], withDependencies: false);

    /// <summary>The names of the processes in this scope, declared or not (a process whose binding failed is not declared).</summary>
    /// <param name="options">The bound options.</param>
    /// <returns>The names, compared ignoring case as configuration keys are.</returns>
    public ISet<string> Select(ProdServerOptions options)
    {
        var selected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_names is null && !_default)
        {
            selected.UnionWith(options.Processes.Select(p => p.Name));
            selected.UnionWith(options.ProcessBindingErrors.Keys);
            return selected;
        }

        if (_default)
        {
            var first = options.ResolveDefault();
            if (first is not null)
            {
                selected.Add(first.Name);
            }

            // A process whose binding failed is not declared; if it was written before the default, a run without a name
            // would have started it, so it stays in scope rather than silently running the next one.
            selected.UnionWith(options.ProcessBindingErrors.Keys.Where(n => options.Find(n) is null && CouldBeDefault(options, n, first)));
        }
        else
        {
            selected.UnionWith(_names!);
        }

        if (_withDependencies)
        {
            var pending = new Queue<string>(selected);
            while (pending.TryDequeue(out var name))
            {
                foreach (var dependency in options.Find(name)?.DependsOn ?? [])
                {
                    if (selected.Add(dependency))
                    {
                        pending.Enqueue(dependency);
                    }
                }
            }
        }

        return selected;
    }

    private static bool CouldBeDefault(ProdServerOptions options, string unbound, ProcessDefinition? first)
    {
        if (options.DefaultProcess is { } chosen)
        {
            return string.Equals(chosen, unbound, StringComparison.OrdinalIgnoreCase);
        }

        var order = options.ConfiguredProcessOrder;
        var index = order.FindIndex(n => string.Equals(n, unbound, StringComparison.OrdinalIgnoreCase));
        var firstIndex = first is null ? int.MaxValue : order.FindIndex(n => string.Equals(n, first.Name, StringComparison.OrdinalIgnoreCase));
        return first is null || (firstIndex >= 0 && index < firstIndex); // a process declared in code comes first anyway
    }
}
