using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// The client commands, run by the same app binary against its running host: <c>status [NAME...] [--json]</c>,
/// <c>restart|stop|start NAME...</c>, <c>tail NAME [-n LINES] [-f]</c>, <c>signal NAME SIGNAL</c>,
/// <c>reload [--dry-run]</c>. Exit codes: 0 ok, 1 failed action, 2 usage, 3 no running host.
/// </summary>
internal static class ControlCommandLine
{
    /// <summary>What the help of a control command adds to System.CommandLine's.</summary>
    public const string Epilogue = """

        These talk to the running host of this app through its control socket (ProdServer:Control:Socket).
        Exit codes: 0 ok; 1 the action failed; 2 usage error (unknown process, option or signal); 3 no running host.
        """;

    private static readonly Argument<string[]> StatusNames = new("NAME") { Arity = ArgumentArity.ZeroOrMore, Description = "The processes; default: all of them." };

    private static readonly Option<bool> JsonOption = new("--json") { Description = "One JSON object per process (name, state, pid, startedAt, uptimeSeconds, restarts, lastExitCode, lastSignal, lastExitAt, commandLine)." };

    private static readonly Argument<string[]> ActionNames = new("NAME") { Arity = ArgumentArity.OneOrMore, Description = "The processes; the others keep running." };

    private static readonly Argument<string> TailName = new("NAME") { Description = "The process." };

    private static readonly Option<int> LinesOption = new("--lines", "-n")
    {
        Description = $"How many recent lines (at most ProdServer:Control:TailLines, default {ProdServerControlOptions.DefaultTailLines}).",
        DefaultValueFactory = _ => 10,
        HelpName = "LINES",
    };

    private static readonly Option<bool> FollowOption = new("--follow", "-f") { Description = "Keep printing new lines until Ctrl+C." };

    private static readonly Argument<string> SignalName = new("NAME") { Description = "The process." };

    private static readonly Argument<string> SignalArgument = new("SIGNAL") { Description = "HUP, USR1, USR2, TTIN or TTOU, one the server acts on (gunicorn: all five, TTIN/TTOU add or remove a worker; uWSGI: HUP; a Celery worker: USR1)." };

    private static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "Print what would change; change nothing." };

    /// <summary>The client commands, subcommands of the app's one command line (<see cref="ProdServerCommandLine"/>).</summary>
    public static IReadOnlyList<Command> Commands { get; } = CreateCommands();

    /// <summary>Whether <paramref name="command"/> is one of the client commands.</summary>
    public static bool IsControlCommand(Command command) => Commands.Contains(command);

    /// <summary>Sends the parsed command to the host listening at <paramref name="socketPath"/> and prints the reply.</summary>
    /// <param name="result">The command line, parsed once, without errors or help.</param>
    /// <param name="socketPath">The host's control socket.</param>
    /// <param name="applicationName">The app's name, for the "no running host" message.</param>
    /// <param name="output">Where the reply is printed.</param>
    /// <param name="error">Where problems are printed.</param>
    /// <param name="cancellationToken">Ends <c>tail -f</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(ParseResult result, string socketPath, string applicationName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var request = ToRequest(result);
        if (request.Lines is < 0)
        {
            await error.WriteLineAsync("-n must be 0 or more lines.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // A usage error is one whether or not a host runs: said here, before the socket is tried.
        if (request.Command == "signal" && !ControlProtocol.TryParseSignal(request.Signal, out _))
        {
            await error.WriteLineAsync(ControlProtocol.UnknownSignal(request.Signal)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var json = request.Command == "status" && result.GetValue(JsonOption);
        return await ControlClient.SendAsync(socketPath, applicationName, request, reply => PrintAsync(reply, request, json, output, error), error, cancellationToken).ConfigureAwait(false);
    }

    private static ControlRequest ToRequest(ParseResult result)
    {
        var command = result.CommandResult.Command.Name;
        var request = new ControlRequest { V = ControlProtocol.Version, Command = command };
        switch (command)
        {
            case "status":
                request.Names = [.. result.GetValue(StatusNames) ?? []];
                break;
            case "tail":
                request.Names = [result.GetValue(TailName)!];
                request.Lines = result.GetValue(LinesOption);
                request.Follow = result.GetValue(FollowOption);
                break;
            case "signal":
                request.Names = [result.GetValue(SignalName)!];
                request.Signal = result.GetValue(SignalArgument);
                break;
            case "reload":
                request.DryRun = result.GetValue(DryRunOption);
                break;
            default:
                request.Names = [.. result.GetValue(ActionNames) ?? []];
                break;
        }

        return request;
    }

    // A message may hold several lines (one per process refused); each is escaped on its own.
    private static async Task WriteLinesAsync(TextWriter writer, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            await writer.WriteLineAsync(LogText.Escape(line)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The line <c>tail -f</c> prints where lines were left out (as journalctl marks what it suppressed, so that a gap
    /// is never silent), or <see langword="null"/>.
    /// </summary>
    internal static string? SkippedNote(ControlResponse reply) => reply.Skipped is > 0 and var skipped
        ? $"-- {skipped} line{(skipped == 1 ? "" : "s")} skipped: written faster than tail read them (the log has every line) --"
        : null;

    private static async Task PrintAsync(ControlResponse reply, ControlRequest request, bool json, TextWriter output, TextWriter error)
    {
        if (SkippedNote(reply) is { } note)
        {
            await output.WriteLineAsync(note).ConfigureAwait(false);
        }

        // Escaped here too, whatever the host did: the terminal is this user's, and an escape sequence must not reach it.
        foreach (var line in reply.Lines ?? [])
        {
            await output.WriteLineAsync(LogText.Escape(line)).ConfigureAwait(false);
        }

        foreach (var message in reply.Messages ?? [])
        {
            await WriteLinesAsync(output, message).ConfigureAwait(false);
        }

        foreach (var problem in reply.Errors ?? [])
        {
            await WriteLinesAsync(error, problem).ConfigureAwait(false);
        }

        if (reply.Processes is { } processes && request.Command == "status")
        {
            if (json)
            {
                foreach (var process in processes)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(process, ControlJsonContext.Default.ControlProcessStatus)).ConfigureAwait(false);
                }
            }
            else
            {
                await output.WriteAsync(StatusTable(processes)).ConfigureAwait(false);
            }
        }

        await output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>One row per process, as supervisorctl's status: name, state, pid, uptime, restarts, last exit, command.</summary>
    internal static string StatusTable(IReadOnlyList<ControlProcessStatus> processes)
    {
        var rows = new List<string[]> { new[] { "NAME", "STATE", "PID", "UPTIME", "RESTARTS", "LAST EXIT", "COMMAND" } };
        rows.AddRange(processes.Select(p => new[]
        {
            Names.Printable(p.Name),
            p.State,
            p.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
            p.Pid is null ? "-" : TimeSpan.FromSeconds(Math.Floor(p.UptimeSeconds)).ToString("c", CultureInfo.InvariantCulture),
            p.Restarts.ToString(CultureInfo.InvariantCulture),
            LastExit(p),
            p.CommandLine is { } command ? Names.Printable(command, 200) : "-",
        }));
        var widths = Enumerable.Range(0, rows[0].Length - 1).Select(i => rows.Max(r => r[i].Length)).ToArray();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            text.WriteLine(string.Join("  ", row.Take(widths.Length).Select((cell, i) => cell.PadRight(widths[i]))) + "  " + row[^1]);
        }

        return text.ToString();
    }

    private static string LastExit(ControlProcessStatus p)
    {
        if (p.LastExitCode is not { } code)
        {
            return "-";
        }

        var how = p.LastSignal is { } signal ? $"{code} ({Signals.Name(signal)})" : code.ToString(CultureInfo.InvariantCulture);
        return p.LastExitAt is { } at ? $"{how} at {at.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z" : how;
    }

    private static Command[] CreateCommands()
    {
        Command[] commands =
        [
            new Command("status", "Show each process's state, pid, uptime, restarts and last exit.") { StatusNames, JsonOption },
            new Command("restart", "Restart the named processes (stop within their stop timeout, start, wait until ready).") { ActionNames },
            new Command("stop", "Stop the named processes (their stop signal, then SIGKILL after the stop timeout).") { ActionNames },
            new Command("start", "Start the named processes (after the processes they depend on are ready) and wait until ready.") { ActionNames },
            new Command("tail", "Print a process's recent output.") { TailName, LinesOption, FollowOption },
            new Command("signal", "Send a signal to a process's main process (the server's master, as kill does), e.g. HUP to reload gunicorn.") { SignalName, SignalArgument },
            new Command("reload", "Re-read the configuration; restart what changed, start what is new, stop what was removed.") { DryRunOption },
        ];
        foreach (var command in commands)
        {
            command.SetAction(_ => ExitCodes.Ok); // the entry point acts on the parse result (see ProdServerHostExtensions)
        }

        return commands;
    }
}
