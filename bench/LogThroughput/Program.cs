using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProdServer.Config;

// Does the engine throttle a server that writes a lot of log? The same writer, 100 MB of 100-byte lines by default:
//   1. stdout to /dev/null (the ceiling: how fast Python writes), and through a pipe to cat (the cost of any pipe),
//   2. through the engine into a logger that discards (the pump's own cost),
//   3. through the engine into a logger that formats every line and writes it to a file (a realistic sink; when it
//      cannot keep up, lines are dropped and counted instead of the writer slowing down).
// It reports wall time for the child to exit (what "throttled" means for the server) and the lines dropped.
var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
var writer = Path.Combine(AppContext.BaseDirectory, "writer.py");

// PYTHONUNBUFFERED=1 everywhere, as the engine sets it for every server.
await Shell("stdout to /dev/null", "exec \"$0\" \"$1\" {0} > /dev/null");
await Shell("stdout through a pipe to cat", "\"$0\" \"$1\" {0} | cat > /dev/null");

await Engine("engine, discarding logger", NullLogger.Instance);
var file = Path.GetTempFileName();
try
{
    using var sink = new StreamWriter(file);
    await Engine("engine, logger writing a file", new FileLogger(sink));
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

async Task Engine(string name, ILogger logger)
{
    var plan = new LaunchPlan("bench", python, [writer, megabytes.ToString(CultureInfo.InvariantCulture)], AppContext.BaseDirectory,
        new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" });
    var clock = Stopwatch.StartNew();
    var server = ServerProcess.Start(plan, logger);
    await server.Exited;
    Report(name, clock.Elapsed, server.DroppedLines);
}

void Report(string name, TimeSpan elapsed, long? dropped) =>
    Console.WriteLine($"{name,-32} {elapsed.TotalSeconds,7:0.00} s  {megabytes / elapsed.TotalSeconds,8:0.0} MB/s" + (dropped is { } d ? $"  dropped {d} lines" : string.Empty));

/// <summary>Formats each line as a console logger would and writes it to a file.</summary>
internal sealed class FileLogger(StreamWriter sink) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        sink.WriteLine($"{DateTimeOffset.UtcNow:O} {logLevel}: {formatter(state, exception)}");
}
