using System;
using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// The limits start-up's validation puts on a process's supervision settings once they are bound (a restart delay of at
/// most a day, an HTTP status for readiness, a Kubernetes quantity for resources, …), each as the problem it reports or
/// <see langword="null"/>. Roslyn-free and compiled into the analyzers too, so that the build reports a constant or an
/// appsettings value outside them in the words start-up would use.
/// </summary>
internal static class SupervisionLimits
{
    /// <summary>The longest wait any of them allows: Task.Delay's limit, and far beyond any sensible wait.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>The most starts in a row that may fail, and the most copies of a process.</summary>
    public const int MaximumCount = 1000;

    // Kubernetes' quantity suffixes; the syntax is read without signs or exponents, which no request needs.
    private static readonly string[] QuantitySuffixes = ["m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>
    /// The limit of the setting at <paramref name="key"/> (its path under a process, as start-up names it:
    /// <c>StartSeconds</c>, <c>Readiness:Timeout</c>; case is ignored, as configuration ignores it) on its value, read as
    /// the setting reads it: a time, a whole number or text. <see langword="null"/> when the value is within it, when it
    /// is not of the setting's kind, or when the key has no limit here. The one map from keys to limits: the validator
    /// (bound values), PSC0115 (appsettings values) and PSC0117 (C# constants) all go through it.
    /// </summary>
    /// <param name="key">The setting's key under the process.</param>
    /// <param name="time">The value as a time, for the time settings.</param>
    /// <param name="number">The value as a whole number, for the counts and the status.</param>
    /// <param name="text">The value as text, for the path and the quantities.</param>
    /// <param name="restartDelay">For <c>RestartMaxDelay</c>: the <c>RestartDelay</c> it may not be shorter than, where it is known.</param>
    public static string? ForKey(string key, TimeSpan? time = null, int? number = null, string? text = null, TimeSpan? restartDelay = null) =>
        key.ToUpperInvariant() switch
        {
            "STOPTIMEOUT" when time is { } t => StopTimeout(t),
            "STARTSECONDS" when time is { } t => StartSeconds(t),
            "RESTARTDELAY" when time is { } t => RestartDelay(t),
            "RESTARTMAXDELAY" when time is { } t => restartDelay is { } first ? RestartMaxDelay(t, first) : RestartMaxDelay(t),
            "READINESS:TIMEOUT" when time is { } t => ReadinessTimeout(t),
            "STARTRETRIES" when number is { } n => StartRetries(n),
            "REPLICAS" when number is { } n => Replicas(n),
            "READINESS:STATUS" when number is { } n => ReadinessStatus(n),
            "READINESS:PATH" when text is not null => ReadinessPath(text),
            "RESOURCES:CPU" when text is not null => Cpu(text),
            "RESOURCES:MEMORY" when text is not null => Memory(text),
            _ => null,
        };

    /// <summary><c>StopTimeout</c>.</summary>
    public static string? StopTimeout(TimeSpan value) =>
        value <= TimeSpan.Zero ? $"StopTimeout must be positive, got {value}." : null;

    /// <summary><c>StartSeconds</c>.</summary>
    public static string? StartSeconds(TimeSpan value) => DayAtMost("StartSeconds", value);

    /// <summary><c>RestartDelay</c>.</summary>
    public static string? RestartDelay(TimeSpan value) => DayAtMost("RestartDelay", value);

    /// <summary><c>RestartMaxDelay</c> on its own.</summary>
    public static string? RestartMaxDelay(TimeSpan value) => DayAtMost("RestartMaxDelay", value);

    /// <summary><c>RestartMaxDelay</c> against <paramref name="restartDelay"/>, which it may not be shorter than.</summary>
    public static string? RestartMaxDelay(TimeSpan value, TimeSpan restartDelay) =>
        RestartMaxDelay(value) ?? (value < restartDelay ? $"RestartMaxDelay must be at least RestartDelay ({restartDelay}), got {value}." : null);

    /// <summary><c>StartRetries</c>.</summary>
    public static string? StartRetries(int value) =>
        value is < 0 or > MaximumCount ? $"StartRetries must be between 0 and {MaximumCount}, got {Text(value)}." : null;

    /// <summary><c>Replicas</c>.</summary>
    public static string? Replicas(int value) =>
        value is < 1 or > MaximumCount ? $"Replicas must be between 1 and {MaximumCount}, got {Text(value)}." : null;

    /// <summary><c>Readiness:Timeout</c>.</summary>
    public static string? ReadinessTimeout(TimeSpan value) =>
        value <= TimeSpan.Zero || value > LongestWait ? $"Readiness:Timeout must be positive and at most 1 day, got {value}." : null;

    /// <summary><c>Readiness:Status</c>.</summary>
    public static string? ReadinessStatus(int value) =>
        value is < 100 or > 599 ? $"Readiness:Status must be an HTTP status code (100-599), got {Text(value)}." : null;

    /// <summary><c>Readiness:Path</c>'s form (whether the process has a port to ask is the validator's to say).</summary>
    public static string? ReadinessPath(string value) =>
        !value.StartsWith("/", StringComparison.Ordinal) || value.IndexOf("//", StringComparison.Ordinal) >= 0 || HasControlOrSpace(value)
            ? $"Readiness:Path must be an absolute URL path such as /health, without spaces or line breaks, got {Quoted.Value(value)}."
            : null;

    /// <summary><c>Resources:Cpu</c>.</summary>
    public static string? Cpu(string value) =>
        IsQuantity(value) ? null : $"Resources:Cpu must be a Kubernetes quantity such as 250m or 2, got {Quoted.Value(value)}.";

    /// <summary><c>Resources:Memory</c>.</summary>
    public static string? Memory(string value) =>
        IsQuantity(value) ? null : $"Resources:Memory must be a Kubernetes quantity such as 256Mi or 1Gi, got {Quoted.Value(value)}.";

    private static string? DayAtMost(string key, TimeSpan value) =>
        value < TimeSpan.Zero || value > LongestWait ? $"{key} must be between 0 and 1 day, got {value}." : null;

    // A positive number (digits, optionally a fraction) and an optional suffix: 250m, 2, 0.5, 256Mi.
    private static bool IsQuantity(string text)
    {
        var end = text.Length;
        foreach (var suffix in QuantitySuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal) && char.IsDigit(text[text.Length - suffix.Length - 1]))
            {
                end = text.Length - suffix.Length;
                break;
            }
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? end : point;
        return whole > 0 && IsDigits(text, 0, whole) && (point < 0 || (point + 1 < end && IsDigits(text, point + 1, end)))
            && text.Substring(0, end).IndexOfAny(['1', '2', '3', '4', '5', '6', '7', '8', '9']) >= 0;
    }

    private static bool IsDigits(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool HasControlOrSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
