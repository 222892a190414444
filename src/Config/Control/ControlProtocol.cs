using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ProdServer.Config;

/// <summary>
/// The control protocol: one JSON object per line each way, versioned by <see cref="ControlRequest.V"/>. A request is at
/// most <see cref="MaxRequestBytes"/> and must arrive within <see cref="RequestTimeout"/>; the host answers with one
/// <see cref="ControlResponse"/> line (<c>tail -f</c>: one per batch of lines, until the client hangs up).
/// </summary>
internal static class ControlProtocol
{
    /// <summary>The protocol version this build speaks.</summary>
    public const int Version = 1;

    /// <summary>The largest request line, in bytes.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>How long a client may take to send its request.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The commands, as the client's first word and the request's <c>command</c>.</summary>
    public static IReadOnlyList<string> Commands => CommandNames.All;

    /// <summary>
    /// Whether <paramref name="word"/> is one of <see cref="Commands"/>, which a plain launch asks of its arguments before the
    /// spawn: the names live in a class of their own, so that asking does not initialize the rest of this one first.
    /// </summary>
    public static bool IsCommand(string word) => Array.IndexOf(CommandNames.All, word) >= 0;

    private static class CommandNames
    {
        public static readonly string[] All = ["status", "restart", "stop", "start", "tail", "signal", "reload"];
    }

    /// <summary>The signals <c>signal</c> sends, by name, with their Linux numbers: those servers act on (gunicorn's TTIN/TTOU add and remove workers).</summary>
    public static readonly IReadOnlyDictionary<string, int> Signals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = 1, ["USR1"] = 10, ["USR2"] = 12, ["TTIN"] = 21, ["TTOU"] = 22,
    };

    /// <summary>The number of the signal <paramref name="name"/> names (<c>HUP</c> or <c>SIGHUP</c>, any case), when it is one the <c>signal</c> command sends.</summary>
    public static bool TryParseSignal(string? name, out int number)
    {
        number = 0;
        return name is not null && Signals.TryGetValue(name.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? name[3..] : name, out number);
    }

    /// <summary>The reply to a signal name <see cref="TryParseSignal"/> refuses, on the client and in the host alike.</summary>
    public static string UnknownSignal(string? name) => $"Signal '{Names.Printable(name ?? "")}' is not one of {string.Join(", ", Signals.Keys)}.";
}

/// <summary>A request: the command and its operands.</summary>
internal sealed class ControlRequest
{
    /// <summary>The protocol version the client speaks.</summary>
    public int V { get; set; }

    /// <summary>One of <see cref="ControlProtocol.Commands"/>.</summary>
    public string? Command { get; set; }

    /// <summary>The processes it acts on; empty for every one (status) where that is allowed.</summary>
    public List<string>? Names { get; set; }

    /// <summary><c>tail</c>: how many recent lines.</summary>
    public int? Lines { get; set; }

    /// <summary><c>tail -f</c>: keep sending new lines.</summary>
    public bool Follow { get; set; }

    /// <summary><c>signal</c>: the signal's name (HUP, USR1, USR2, TTIN, TTOU).</summary>
    public string? Signal { get; set; }

    /// <summary><c>reload --dry-run</c>: say what would change, change nothing.</summary>
    public bool DryRun { get; set; }
}

/// <summary>A reply: whether it worked, the exit code the client should end with, and what to show.</summary>
internal sealed class ControlResponse
{
    /// <summary>The protocol version the host speaks.</summary>
    public int V { get; set; } = ControlProtocol.Version;

    /// <summary>The application whose host answers (its <c>IHostEnvironment.ApplicationName</c>); the client refuses another app's reply.</summary>
    public string? App { get; set; }

    /// <summary>Whether the command did what it was asked.</summary>
    public bool Ok { get; set; }

    /// <summary>The client's exit code: 0 ok, 1 a failed action, 2 a usage error (an unknown process, a bad signal).</summary>
    public int ExitCode { get; set; }

    /// <summary>Why it failed, one line each.</summary>
    public List<string>? Errors { get; set; }

    /// <summary>What happened, one line each (restarted, already running, would change …).</summary>
    public List<string>? Messages { get; set; }

    /// <summary>The processes' status after the command.</summary>
    public List<ControlProcessStatus>? Processes { get; set; }

    /// <summary><c>tail</c>: output lines, oldest first, as the log got them (control characters escaped).</summary>
    public List<string>? Lines { get; set; }

    /// <summary>
    /// <c>tail -f</c>: how many lines before <see cref="Lines"/> were written faster than the follower read them and left
    /// the ring unsent (the log has them); <see langword="null"/> when none.
    /// </summary>
    public long? Skipped { get; set; }

    /// <summary>A failure reply.</summary>
    public static ControlResponse Fail(int exitCode, string error) => new() { ExitCode = exitCode, Errors = [error] };
}

/// <summary>One process in a status reply.</summary>
internal sealed class ControlProcessStatus
{
    /// <summary>The process name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The backend (Waitress, Gunicorn, …).</summary>
    public string Backend { get; set; } = "";

    /// <summary>starting, ready, running, backoff, stopping, stopped or gave-up.</summary>
    public string State { get; set; } = "";

    /// <summary>Whether it serves (ready or running).</summary>
    public bool Ready { get; set; }

    /// <summary>The child's pid while one runs.</summary>
    public int? Pid { get; set; }

    /// <summary>When the current (or last) child was started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Seconds the current child has run.</summary>
    public double UptimeSeconds { get; set; }

    /// <summary>Starts after the first.</summary>
    public int Restarts { get; set; }

    /// <summary>The last exit code (128 + N for signal N).</summary>
    public int? LastExitCode { get; set; }

    /// <summary>The signal that ended the last child, as a shell reads the code.</summary>
    public int? LastSignal { get; set; }

    /// <summary>When the last child exited.</summary>
    public DateTimeOffset? LastExitAt { get; set; }

    /// <summary>The command line (shell-quoted, passwords masked).</summary>
    public string? CommandLine { get; set; }
}

/// <summary>Source-generated (de)serialization of the protocol: no reflection, trim- and NativeAOT-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlResponse))]
[JsonSerializable(typeof(ControlProcessStatus))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
