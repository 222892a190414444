using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>celery worker</c> itself enforces (or silently mishandles), checked before launch.</summary>
internal static class CeleryWorkerArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(CeleryWorkerArgs a, ArgsProblems found)
    {
        CeleryCommonRules.CheckGlobal(a, found);
        CeleryCommonRules.CheckDaemon(a, found);

        found.NotBlankWhenSet(a.Hostname, nameof(a.Hostname), "Hostname must not be empty; leave it unset for celery@%h.");
        found.NotBlankWhenSet(a.StateDb, nameof(a.StateDb), "StateDb must be a path.");
        found.If(a.PrefetchMultiplier < 1, nameof(a.PrefetchMultiplier),
            $"PrefetchMultiplier must be at least 1, got {ServerArgsRules.Shown(a.PrefetchMultiplier)}; use DisablePrefetch to fetch only when a process is free.");
        found.ExclusiveSettings(RuleBackends.CeleryWorker);

        found.If(!IsPositive(a.TimeLimit), nameof(a.TimeLimit), $"TimeLimit must be a positive number of seconds, got {ServerArgsRules.Shown(a.TimeLimit)}.");
        found.If(!IsPositive(a.SoftTimeLimit), nameof(a.SoftTimeLimit), $"SoftTimeLimit must be a positive number of seconds, got {ServerArgsRules.Shown(a.SoftTimeLimit)}.");
        if (a.SoftTimeLimit is { } soft && a.TimeLimit is { } hard && soft.CompareTo(hard) >= 0)
        {
            found.Add(nameof(a.SoftTimeLimit),
                $"SoftTimeLimit ({Format(soft)}) must be less than TimeLimit ({Format(hard)}), or the hard limit kills the task before the soft one can fire.");
        }

        var solo = a.Pool == CeleryPool.Solo;
        found.If(solo && a.Concurrency is not null, nameof(a.Concurrency),
            "Concurrency has no effect with the solo pool, which runs one task at a time. Remove it or pick another Pool.");
        found.If(a.Autoscale is not null && !IsAutoscale(a.Autoscale), nameof(a.Autoscale),
            $"Autoscale must be 'MAX,MIN' or 'MAX' with whole numbers, MAX at least 1, got {Quoted.Value(a.Autoscale)}.");
        found.If(solo && a.Autoscale is not null, nameof(a.Autoscale),
            "Autoscale cannot grow the solo pool, which always has one process. Remove it or pick another Pool.");

        found.Each(a.Queues, nameof(a.Queues), ServerArgsRules.IsQueueName, e => $"Queues entry {Quoted.Value(e)} must be a queue name without commas or white space.");
        found.Each(a.ExcludeQueues, nameof(a.ExcludeQueues), ServerArgsRules.IsQueueName, e => $"ExcludeQueues entry {Quoted.Value(e)} must be a queue name without commas or white space.");
        found.Each(a.Include, nameof(a.Include), ServerArgsRules.IsQueueName, e => $"Include entry {Quoted.Value(e)} must be a module name without commas or white space.");
        found.If(a.Queues is { Count: 0 }, nameof(a.Queues), "Queues must name at least one queue; leave it unset to consume every configured queue.");
        if (a.Queues is not null && a.ExcludeQueues is not null && Both(a.ExcludeQueues, a.Queues) is { Count: > 0 } both)
        {
            found.Add(nameof(a.ExcludeQueues), $"ExcludeQueues and Queues both name {string.Join(", ", both)}: a queue is either consumed or excluded.");
        }

        // The embedded beat's options are read only with --beat; without it they would be silently ignored.
        var beat = a.Beat == true;
        found.If(a.ScheduleFilename is not null && !beat, nameof(a.ScheduleFilename),
            "ScheduleFilename needs Beat: it is the embedded beat's schedule file. Set Beat = true or remove it.");
        found.If(a.Scheduler is not null && !beat, nameof(a.Scheduler),
            "Scheduler needs Beat: it is the embedded beat's scheduler class. Set Beat = true or remove it.");
        found.If(beat && OperatingSystem.IsWindows(), nameof(a.Beat),
            "Beat cannot be embedded in a worker on Windows (celery refuses -B there); run a CeleryBeat process instead.");

        found.ExtraArgs(a, a.ExtraArgs);
    }

    private static bool IsPositive(double? seconds) => seconds is not { } s || (s > 0 && double.IsFinite(s));

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    // The queues in both lists, each once, in the excluded list's order.
    private static List<string> Both(IReadOnlyList<string> excluded, IReadOnlyList<string> queues)
    {
        var both = new List<string>();
        foreach (var queue in excluded)
        {
            if (!both.Contains(queue) && queues.Contains(queue, StringComparer.Ordinal))
            {
                both.Add(queue);
            }
        }

        return both;
    }

    // celery's autoscale type: "10,3" or "10"; it sorts the two numbers itself, so the order does not matter.
    private static bool IsAutoscale(string value)
    {
        var parts = value.Split(',');
        if (parts.Length is not (1 or 2))
        {
            return false;
        }

        var largest = -1;
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            largest = Math.Max(largest, number);
        }

        return largest >= 1;
    }
}
