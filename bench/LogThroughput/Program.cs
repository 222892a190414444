using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProdServer.Config;

// Does the engine throttle a server that writes a lot of log, and what does a line cost it?
//
// dotnet run -c Release --project bench/LogThroughput [MB]: the same writer, 100 MB of 100-byte lines by default,
//   1. stdout to /dev/null (the ceiling: how fast Python writes), and through a pipe to cat (the cost of any pipe),
//   2. through the engine into a logger that discards (the pump's own cost),
//   3. through the engine into a logger that formats every line and writes it to a file (a realistic sink).
// It reports wall time for the child to exit (what "throttled" means for the server) and the lines dropped.
//
// dotnet run -c Release --project bench/LogThroughput trickle [RATE] [SECONDS] > /dev/null: an access log under load,
// RATE lines/s (4000) one write each for SECONDS (10, at least 3), through the engine into the console logger a host has by
// default (writing to this program's stdout: send it to /dev/null or a file) and into a discarding logger. It reports
// the CPU this process spends per line, by thread, on stderr: what the launcher takes from a busy server's cores.
var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
var writer = Path.Combine(AppContext.BaseDirectory, "writer.py");
var trickle = args.Length > 0 && args[0] == "trickle";
var megabytes = args.Length > 0 && !trickle ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;

if (trickle)
{
    await Trickle(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
    return;
}

// PYTHONUNBUFFERED=1 everywhere, as the engine sets it for every server.
await Shell("stdout to /dev/null", "exec \"$0\" \"$1\" {0} > /dev/null");
await Shell("stdout through a pipe to cat", "\"$0\" \"$1\" {0} | cat > /dev/null");

await Engine("engine, discarding logger", new DiscardingLogger(), [megabytes.ToString(CultureInfo.InvariantCulture)], null);
var file = Path.GetTempFileName();
try
{
    using var sink = new StreamWriter(file);
    await Engine("engine, logger writing a file", new FileLogger(sink), [megabytes.ToString(CultureInfo.InvariantCulture)], null);
}
finally
{
    File.Delete(file);
}

async Task Shell(string name, string script)
{
    var info = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", string.Format(CultureInfo.InvariantCulture, script, megabytes), python, writer } };
    info.Environment["PYTHONUNBUFFERED"] = "1";
    var clock = Stopwatch.StartNew();
    using var shell = Process.Start(info)!;
    await shell.WaitForExitAsync();
    Report(name, clock.Elapsed, null);
}

async Task<long> Engine(string name, ILogger logger, string[] writerArgs, Func<Task>? whileRunning)
{
    var plan = new LaunchPlan("bench", python, [writer, .. writerArgs], AppContext.BaseDirectory,
        new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" });
    var clock = Stopwatch.StartNew();
    var server = ServerProcess.Start(plan, logger);
    if (whileRunning is not null)
    {
        await whileRunning();
    }

    await server.Exited;
    if (name.Length > 0)
    {
        Report(name, clock.Elapsed, server.DroppedLines);
    }

    return server.DroppedLines;
}

void Report(string name, TimeSpan elapsed, long? dropped) =>
    Console.WriteLine($"{name,-32} {elapsed.TotalSeconds,7:0.00} s  {megabytes / elapsed.TotalSeconds,8:0.0} MB/s" + (dropped is { } d ? $"  dropped {d} lines" : string.Empty));

async Task Trickle(int rate, int seconds)
{
    // writer.py takes megabytes; lines * 100 / 2^20 round-trips exactly through "R", so it writes exactly `lines`.
    var lines = (long)rate * seconds;
    string Megabytes(long count) => (count * 100 / (1024.0 * 1024.0)).ToString("R", CultureInfo.InvariantCulture);
    var pace = rate.ToString(CultureInfo.InvariantCulture);
    using var console = LoggerFactory.Create(b => b.AddConsole());
    var sinks = new (string Name, CountingLogger Logger)[]
    {
        ("console logger (stdout)", new(console.CreateLogger("ProdServer.Process.bench"))),
        ("discarding logger", new(new DiscardingLogger())),
    };

    // Measured from 1 s after the start to 1 s before the end, while the pump's threads live (their CPU is read by
    // name); the first run of each sink warms the JIT, whose tiering settles within seconds.
    foreach (var (name, logger) in sinks)
    {
        await Engine(string.Empty, logger, [Megabytes(lines / 2), pace], null);
        long logged = 0;
        var before = ThreadCpu.Read();
        var after = before;
        var dropped = await Engine(string.Empty, logger, [Megabytes(lines), pace], async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var first = logger.Lines;
            before = ThreadCpu.Read();
            await Task.Delay(TimeSpan.FromSeconds(seconds - 2));
            after = ThreadCpu.Read();
            logged = logger.Lines - first;
        });
        var measured = (double)logged;
        var byThread = after.Threads.Select(t => (t.Key, Seconds: t.Value.Seconds - before.Threads.GetValueOrDefault(t.Key).Seconds, Wakes: t.Value.Wakes - before.Threads.GetValueOrDefault(t.Key).Wakes))
            .Where(t => t.Seconds * 1e6 / measured >= 0.05).OrderByDescending(t => t.Seconds)
            .Select(t => FormattableString.Invariant($"{t.Key} {t.Seconds / measured * 1e6:0.0} µs, {t.Wakes / measured:0.00} wakes"));
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{rate} lines/s into the {name}: {(after.Process - before.Process) / measured * 1e6:0.0} µs of CPU per line; per line by thread: {string.Join("; ", byThread)}; {logged / (seconds - 2.0):0} lines/s measured, dropped {dropped}"));
    }
}

/// <summary>Counts the lines it passes on.</summary>
internal sealed class CountingLogger(ILogger inner) : ILogger
{
    private long _lines;

    public long Lines => System.Threading.Interlocked.Read(ref _lines);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        System.Threading.Interlocked.Increment(ref _lines);
        inner.Log(logLevel, eventId, state, exception, formatter);
    }
}

/// <summary>Takes every line and formats it, as any logger must, then forgets it.</summary>
internal sealed class DiscardingLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _ = formatter(state, exception);
}

/// <summary>Formats each line as a console logger would and writes it to a file.</summary>
internal sealed class FileLogger(StreamWriter sink) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        sink.WriteLine($"{DateTimeOffset.UtcNow:O} {logLevel}: {formatter(state, exception)}");
}

/// <summary>
/// CPU seconds of this process (threads that ended included) from /proc/self/stat, and of each live thread by name, with
/// the times it went to sleep and was woken (voluntary context switches), from /proc/self/task: CPU time in nanoseconds
/// (schedstat), not in the ticks the process total has.
/// </summary>
internal static class ThreadCpu
{
    private const double Tick = 100.0; // USER_HZ, 100 on every Linux architecture .NET runs on

    public static (double Process, Dictionary<string, (double Seconds, long Wakes)> Threads) Read()
    {
        var threads = new Dictionary<string, (double Seconds, long Wakes)>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
                var seconds = long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture) / 1e9;
                var wakes = long.Parse(File.ReadLines(Path.Combine(task, "status")).First(l => l.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal)).Split(':')[1], CultureInfo.InvariantCulture);
                var (s, w) = threads.GetValueOrDefault(name);
                threads[name] = (s + seconds, w + wakes);
            }
            catch (IOException)
            {
                // the thread ended
            }
        }

        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return ((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / Tick, threads);
    }
}
