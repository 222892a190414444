using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Checks <see cref="ProcessDefinition.DependsOn"/>: every name declared, no process waiting on itself, no cycle.</summary>
internal static class DependencyCheck
{
    public static IEnumerable<ProcessProblem> Check(IReadOnlyList<ProcessDefinition> processes)
    {
        var byName = processes.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var process in processes)
        {
            for (var i = 0; i < process.DependsOn.Count; i++)
            {
                var name = process.DependsOn[i];
                if (string.Equals(name, process.Name, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new ProcessProblem(process, new($"DependsOn:{i}", $"DependsOn names the process itself ('{name}'); a process cannot wait for its own readiness."));
                }
                else if (!byName.ContainsKey(name))
                {
                    yield return new ProcessProblem(process, new($"DependsOn:{i}", $"DependsOn names {Quoted.Value(name)}, which is not declared{Suggestions.DidYouMean(name, byName.Keys)}; declared: {string.Join(", ", processes.Select(p => p.Name))}."));
                }
            }
        }

        foreach (var cycle in FindCycles(processes, byName))
        {
            yield return new ProcessProblem(cycle[0], new("DependsOn", $"DependsOn forms a cycle ({string.Join(" -> ", cycle.Select(p => p.Name))} -> {cycle[0].Name}), so none of them could start."));
        }
    }

    /// <summary>
    /// The processes in start order: each after the ones it depends on, otherwise in declaration order. Names outside
    /// <paramref name="processes"/> are ignored (a dependency that is not run in this host is not waited for).
    /// </summary>
    public static IReadOnlyList<ProcessDefinition> StartOrder(IReadOnlyList<ProcessDefinition> processes)
    {
        var byName = processes.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var ordered = new List<ProcessDefinition>();
        var visited = new HashSet<ProcessDefinition>();
        foreach (var process in processes)
        {
            Visit(process);
        }

        return ordered;

        void Visit(ProcessDefinition process)
        {
            if (!visited.Add(process))
            {
                return; // done, or a cycle, which validation has already refused
            }

            foreach (var name in process.DependsOn)
            {
                if (byName.TryGetValue(name, out var dependency))
                {
                    Visit(dependency);
                }
            }

            ordered.Add(process);
        }
    }

    private static IEnumerable<List<ProcessDefinition>> FindCycles(IReadOnlyList<ProcessDefinition> processes, Dictionary<string, ProcessDefinition> byName)
    {
        var done = new HashSet<ProcessDefinition>();
        var path = new List<ProcessDefinition>();
        var cycles = new List<List<ProcessDefinition>>();
        foreach (var process in processes)
        {
            Walk(process);
        }

        return cycles;

        void Walk(ProcessDefinition process)
        {
            var onPath = path.IndexOf(process);
            if (onPath >= 0)
            {
                cycles.Add(path.Skip(onPath).ToList());
                return;
            }

            if (done.Contains(process))
            {
                return;
            }

            path.Add(process);
            foreach (var name in process.DependsOn.Where(n => !string.Equals(n, process.Name, StringComparison.OrdinalIgnoreCase)))
            {
                if (byName.TryGetValue(name, out var dependency))
                {
                    Walk(dependency);
                }
            }

            path.RemoveAt(path.Count - 1);
            done.Add(process);
        }
    }
}
