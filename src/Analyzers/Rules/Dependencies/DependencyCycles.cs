using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The cycles of <c>DependsOn</c> edges, found as start-up's <c>DependencyCheck</c> finds them (a walk from each process in
/// declaration order, names compared ignoring case), so the build names the cycle start-up would name. A process naming
/// itself is a cycle of one here; start-up words it apart, and refuses it the same.
/// </summary>
/// <typeparam name="TAt">Where an edge is written (a syntax node, a JSON node), to report it.</typeparam>
internal static class DependencyCycles<TAt>
{
    /// <summary>One <c>DependsOn</c> entry: the process that has it, the process it names, and where it is written.</summary>
    public sealed class Edge(string from, string to, TAt at)
    {
        /// <summary>The process whose <c>DependsOn</c> this is.</summary>
        public string From { get; } = from;

        /// <summary>The process it names.</summary>
        public string To { get; } = to;

        /// <summary>Where the name is written.</summary>
        public TAt At { get; } = at;
    }

    /// <summary>
    /// Every cycle, each as its edges in order (<c>a → b</c>, <c>b → a</c>); the last edge is the one that closes it.
    /// </summary>
    /// <param name="edges">
    /// Every known edge, in declaration order: the walks start from the processes in the order their first edge is
    /// written, as start-up's from the processes in declaration order. An unknown edge (a name that is no constant) is
    /// left out, which can hide a cycle but never make one up.
    /// </param>
    public static IReadOnlyList<IReadOnlyList<Edge>> Find(IReadOnlyList<Edge> edges)
    {
        var outgoing = edges.GroupBy(e => e.From, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var cycles = new List<IReadOnlyList<Edge>>();
        foreach (var self in edges.Where(e => string.Equals(e.From, e.To, StringComparison.OrdinalIgnoreCase)))
        {
            cycles.Add([self]);
        }

        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var path = new List<string>();
        var taken = new List<Edge>();
        foreach (var process in outgoing.Keys.ToList())
        {
            Walk(process);
        }

        return cycles;

        void Walk(string process)
        {
            var onPath = path.FindIndex(p => string.Equals(p, process, StringComparison.OrdinalIgnoreCase));
            if (onPath >= 0)
            {
                cycles.Add(taken.Skip(onPath).ToList());
                return;
            }

            if (!done.Add(process))
            {
                return;
            }

            path.Add(process);
            foreach (var edge in outgoing.TryGetValue(process, out var from) ? from : [])
            {
                if (!string.Equals(edge.To, process, StringComparison.OrdinalIgnoreCase))
                {
                    taken.Add(edge);
                    Walk(edge.To);
                    taken.RemoveAt(taken.Count - 1);
                }
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>The cycle as start-up words it: <c>a -> b -> a</c>.</summary>
    public static string Describe(IReadOnlyList<Edge> cycle) => string.Join(" -> ", cycle.Select(e => e.From)) + " -> " + cycle[0].From;
}
