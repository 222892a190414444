using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProdServer.Config;

/// <summary>
/// What the <c>ProdServer</c> section accepts outside a process's <c>Args</c>: the keys of each of its objects, and the rule
/// of each scalar value (<c>Restart</c>, <c>StopTimeout</c>, <c>Logs:Overflow</c>, …). Roslyn- and configuration-free, and
/// compiled into the appsettings analyzer too, so that the build and start-up refuse the same values in the same words.
/// </summary>
internal static class SettingRules
{
    /// <summary>The keys of <c>ProdServer</c> itself.</summary>
    public static readonly string[] SectionKeys = ["Processes", "Release", "Default", "OnGiveUp", "Logs", "Control", "Rules"];

    /// <summary>The keys of <c>ProdServer:Logs</c>.</summary>
    public static readonly string[] LogKeys = ["Overflow", "BufferBytes"];

    /// <summary>The keys of <c>ProdServer:Control</c>.</summary>
    public static readonly string[] ControlKeys = ["Enabled", "Socket", "TailLines"];

    /// <summary>The keys of a process's <c>Readiness</c>.</summary>
    public static readonly string[] ReadinessKeys = ["Path", "Status", "Timeout"];

    /// <summary>The keys of a process's <c>Resources</c>.</summary>
    public static readonly string[] ResourceKeys = ["Cpu", "Memory"];

    /// <summary>The keys of one step of <c>ProdServer:Release</c>.</summary>
    public static readonly string[] ReleaseStepKeys = ["Name", "Command", "Python", "WorkingDirectory", "Environment"];

    /// <summary>The smallest <c>Logs:BufferBytes</c>: 64 KiB, room for the longest line (16 KiB of text) and more.</summary>
    public const int MinimumBufferBytes = 64 * 1024;

    /// <summary>The largest <c>Logs:BufferBytes</c>: 1 GiB.</summary>
    public const int MaximumBufferBytes = 1024 * 1024 * 1024;

    /// <summary>The largest <c>Control:TailLines</c>: with lines cut at 4096 characters, at most 80 MiB per process.</summary>
    public const int MaximumTailLines = 10_000;

    /// <summary><c>OnGiveUp</c>.</summary>
    public static readonly ValueRule OnGiveUp = ValueRule.Names("StopAll", "KeepOthers");

    /// <summary><c>Logs:Overflow</c>.</summary>
    public static readonly ValueRule Overflow = ValueRule.Names("Block", "Drop");

    /// <summary><c>Logs:BufferBytes</c>.</summary>
    public static readonly ValueRule BufferBytes = new(
        $"a whole number of bytes from {MinimumBufferBytes} to {MaximumBufferBytes}", text => Digits(text) is >= MinimumBufferBytes and <= MaximumBufferBytes);

    /// <summary><c>Control:Enabled</c>.</summary>
    public static readonly ValueRule Enabled = new("true or false", text => bool.TryParse(text, out _));

    /// <summary><c>Control:TailLines</c>.</summary>
    public static readonly ValueRule TailLines = new($"a whole number from 1 to {MaximumTailLines}", text => Digits(text) is >= 1 and <= MaximumTailLines);

    /// <summary>A process's <c>Restart</c>; <c>on-failure</c> is read as <c>OnFailure</c>.</summary>
    public static readonly ValueRule Restart = ValueRule.Names("Never", "OnFailure", "Always");

    /// <summary>A process's <c>StopTimeout</c>.</summary>
    public static readonly ValueRule StopTimeout = new("seconds (10) or a time span (00:00:10)", text => TryParseTime(text, out _));

    /// <summary>A process's <c>StartSeconds</c>, <c>RestartDelay</c>, <c>RestartMaxDelay</c> and <c>Readiness:Timeout</c>.</summary>
    public static readonly ValueRule Time = new("seconds (1.5) or a time span (00:00:01.5)", text => TryParseTime(text, out _));

    /// <summary>A process's <c>StartRetries</c>.</summary>
    public static readonly ValueRule StartRetries = new("a whole number, 0 or more", text => Integer(text) is >= 0);

    /// <summary>A process's <c>Replicas</c>.</summary>
    public static readonly ValueRule Replicas = new("a whole number, 1 or more", text => Integer(text) is >= 1);

    /// <summary>A process's <c>Readiness:Status</c>.</summary>
    public static readonly ValueRule Status = new("an HTTP status code such as 200", text => Integer(text) is not null);

    /// <summary>The rule of each scalar below <c>ProdServer</c>, by its path there (<c>*</c> stands for a process name).</summary>
    // Not the limits of SupervisionLimits.ForKey, on purpose: these are what the binder can read from text (a time, a whole
    // number not below the least value that means anything), said before anything is bound; the limits are ranges held
    // against the bound values, which code may have set as well (Replicas 0 is refused here, Replicas 5000 there).
    public static readonly IReadOnlyDictionary<string, ValueRule> ByPath = new Dictionary<string, ValueRule>(StringComparer.OrdinalIgnoreCase)
    {
        ["OnGiveUp"] = OnGiveUp,
        ["Logs:Overflow"] = Overflow,
        ["Logs:BufferBytes"] = BufferBytes,
        ["Control:Enabled"] = Enabled,
        ["Control:TailLines"] = TailLines,
        ["Processes:*:Restart"] = Restart,
        ["Processes:*:StopTimeout"] = StopTimeout,
        ["Processes:*:StartSeconds"] = Time,
        ["Processes:*:RestartDelay"] = Time,
        ["Processes:*:RestartMaxDelay"] = Time,
        ["Processes:*:StartRetries"] = StartRetries,
        ["Processes:*:Replicas"] = Replicas,
        ["Processes:*:Readiness:Status"] = Status,
        ["Processes:*:Readiness:Timeout"] = Time,
    };

    /// <summary>The shape a key of <c>ProdServer</c> itself must have (<c>Processes</c> and <c>Release</c> are checked where they are bound).</summary>
    // Switches rather than dictionaries of SettingShape: the binder runs this before a first start's fork, and a dictionary
    // keyed to an enum of this assembly is generic code no ReadyToRun image holds (~10 methods the JIT compiles there).
    public static SettingShape RootKeyShape(string key) => key.ToLowerInvariant() switch
    {
        "default" or "ongiveup" => SettingShape.Value,
        "rules" => SettingShape.Section,
        _ => SettingShape.Unknown,
    };

    /// <summary>The shape a key of a process section must have (<c>Environment</c> is checked where it is bound).</summary>
    public static SettingShape ProcessKeyShape(string key) => key.ToLowerInvariant() switch
    {
        "backend" or "app" or "workingdirectory" or "python" or "venv" or "managepy" or "stoptimeout" or "restart"
            or "startseconds" or "startretries" or "restartdelay" or "restartmaxdelay" or "replicas" => SettingShape.Value,
        "pythonpath" or "envfile" or "dependson" => SettingShape.ValueOrList,
        "args" or "readiness" or "resources" => SettingShape.Section,
        _ => SettingShape.Unknown,
    };

    /// <summary>The shape a key of a release step must have (<c>Command</c> must then be a list; <c>Environment</c> is checked where it is bound).</summary>
    public static SettingShape ReleaseKeyShape(string key) => key.ToLowerInvariant() switch
    {
        "name" or "python" or "workingdirectory" => SettingShape.Value,
        "command" => SettingShape.ValueOrList,
        _ => SettingShape.Unknown,
    };

    /// <summary>A time: seconds (<c>1.5</c>, not negative) or a time span (<c>00:00:01.5</c>).</summary>
    public static bool TryParseTime(string text, out TimeSpan time)
    {
        // The upper bound keeps huge numbers (1e308, found by GeneratedConfigurationSpecs) an error instead of an OverflowException.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            && seconds < TimeSpan.MaxValue.TotalSeconds - 1)
        {
            time = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out time) && time >= TimeSpan.Zero;
    }

    /// <summary>A whole number as configuration writes it (a sign and spaces allowed), or <see langword="null"/>.</summary>
    public static int? Integer(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    // Digits only: a size or a count, where a sign or a space is no number.
    private static int? Digits(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>The shape of a setting in JSON: one value, a value or a list of values, or an object of keys.</summary>
internal enum SettingShape
{
    /// <summary>A key the shape check does not know; what reads it checks it.</summary>
    Unknown,

    /// <summary>One value: a string, number, boolean or null.</summary>
    Value,

    /// <summary>One value, or an array of values.</summary>
    ValueOrList,

    /// <summary>An object of keys.</summary>
    Section,
}

/// <summary>What one setting's value must be, and the test of it.</summary>
internal sealed class ValueRule
{
    private readonly Func<string, bool>? _accepts;
    private readonly string[] _choices;

    /// <summary>A rule tested by <paramref name="accepts"/>.</summary>
    /// <param name="mustBe">The wording after "must be" (<c>a whole number, 0 or more</c>).</param>
    /// <param name="accepts">Whether a value's text is acceptable.</param>
    public ValueRule(string mustBe, Func<string, bool> accepts)
        : this(mustBe, accepts, [])
    {
    }

    private ValueRule(string mustBe, Func<string, bool>? accepts, string[] choices)
    {
        MustBe = mustBe;
        _accepts = accepts;
        _choices = choices;
    }

    /// <summary>What the value must be, as a message ends: <c>must be {MustBe}.</c></summary>
    public string MustBe { get; }

    /// <summary>The names a named choice takes, as written in the docs (<c>OnFailure</c>); empty for other rules.</summary>
    public IReadOnlyList<string> Choices => _choices;

    /// <summary>Whether <paramref name="text"/> is acceptable.</summary>
    public bool Accepts(string text) => _accepts?.Invoke(text) ?? Choice(text) is not null;

    /// <summary>The choice <paramref name="text"/> names (case and <c>-</c> ignored: <c>on-failure</c> is <c>OnFailure</c>), or <see langword="null"/>.</summary>
    public string? Choice(string text)
    {
        var word = text.Trim().Replace("-", string.Empty);
        foreach (var choice in _choices)
        {
            if (string.Equals(choice, word, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        return null;
    }

    /// <summary>A choice among <paramref name="names"/>, by name only: a number is no choice, as <c>Enum.TryParse</c> would take it.</summary>
    public static ValueRule Names(params string[] names) =>
        new(names.Length == 1 ? names[0] : string.Join(", ", names, 0, names.Length - 1) + " or " + names[names.Length - 1], null, names);
}
