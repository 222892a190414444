using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>"Did you mean" for a misspelled name: the closest known name by edit distance, when close enough to be a typo.</summary>
internal static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="written"/> (case, <c>-</c> and <c>_</c> ignored), or <see langword="null"/>.</summary>
    /// <param name="written">The name as written.</param>
    /// <param name="candidates">The known names.</param>
    /// <returns>A candidate at most a third of its length (and at least 1, at most 3 edits) away, or <see langword="null"/>.</returns>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        var wanted = Normalize(written);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(wanted, Normalize(candidate));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Min(3, Math.Max(1, wanted.Length / 3));
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>", did you mean 'X'?"-style text for a message, or empty.</summary>
    public static string DidYouMean(string written, IEnumerable<string> candidates) =>
        Closest(written, candidates) is { } close ? $" (did you mean '{close}'?)" : string.Empty;

    private static string Normalize(string name) => name.Replace("-", string.Empty).Replace("_", string.Empty).ToUpperInvariant();

    // Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment): "wbe" is one
    // slip away from "web", as "Threds" is from "Threads". Three rows; names are short.
    private static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
