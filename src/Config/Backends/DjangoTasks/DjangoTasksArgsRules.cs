using System;
using System.Linq;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>db_worker</c> enforces, checked before launch.</summary>
internal static class DjangoTasksArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(DjangoTasksArgs a, ArgsProblems found)
    {
        DjangoCommandOptionsRules.Check(a, found);

        // db_worker's --queue-name takes an optional argument: an empty value would reach it as None and fail later.
        found.If(a.QueueName is { Count: 0 }, nameof(a.QueueName), "QueueName must name at least one queue (or *); leave it unset for the default queue.");
        found.Each(a.QueueName, nameof(a.QueueName), ServerArgsRules.IsQueueName, e => $"QueueName entry '{e}' must be a queue name without commas or white space.");
        found.If(a.QueueName is { Count: > 1 } names && names.Contains("*", StringComparer.Ordinal), nameof(a.QueueName),
            "QueueName '*' already means every queue; do not list others with it.");
        found.If(a.Interval is { } interval && !(double.IsFinite(interval) && interval >= 0), nameof(a.Interval),
            $"Interval must be a finite number of seconds, 0 or more, got {ServerArgsRules.Shown(a.Interval)}.");
        found.If(a.WorkerId is { Length: < 1 or > 64 }, nameof(a.WorkerId), $"WorkerId must be 1 to 64 characters, got {a.WorkerId?.Length}.");
        found.NotBlankWhenSet(a.Backend, nameof(a.Backend), "Backend must be a TASKS alias; leave it unset for 'default'.");
        found.ExclusiveSettings(RuleBackends.DjangoTasks);

        found.ExtraArgs(a, a.ExtraArgs);
    }
}
