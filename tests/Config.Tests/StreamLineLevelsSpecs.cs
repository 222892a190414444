using System.Linq;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A Python traceback's lines keep one level: the record's that logged it, or Error when nothing did; the line after it
/// is read on its own again. The lines are as gunicorn and Python write them.
/// </summary>
public sealed class StreamLineLevelsSpecs
{
    private static LogLevel[] Levels(params string[] lines)
    {
        var levels = new StreamLineLevels();
        return lines.Select(l => levels.Of(l, LogLevel.Warning, out _)).ToArray();
    }

    [Fact]
    public void A_traceback_logged_by_an_error_record_is_an_error_to_its_last_line_and_the_next_record_is_itself()
    {
        var levels = Levels(
            "[2026-12-03 10:46:26 +0000] [29528] [ERROR] Exception in worker process",
            "Traceback (most recent call last):",
            "  File \"/usr/lib/python3/dist-packages/gunicorn/arbiter.py\", line 589, in spawn_worker",
            "    worker.init_process()",
            "ModuleNotFoundError: No module named 'shop'",
            "[2026-12-03 10:46:26 +0000] [29528] [INFO] Worker exiting (pid: 29528)");

        Assert.Equal([LogLevel.Error, LogLevel.Error, LogLevel.Error, LogLevel.Error, LogLevel.Error, LogLevel.Information], levels);
    }

    [Fact]
    public void An_uncaught_exceptions_traceback_is_an_error_chained_ones_included()
    {
        var levels = Levels([.. PythonOutput.ChainedTraceback, "a line of its own"]);

        Assert.Equal([.. Enumerable.Repeat(LogLevel.Error, 9), LogLevel.Warning], levels);
    }

    [Fact]
    public void A_traceback_a_warning_record_logged_stays_a_warning_and_a_record_after_a_blank_line_is_read_on_its_own()
    {
        var levels = Levels(
            "WARNING:django.request:Not Found: /favicon.ico",
            "Traceback (most recent call last):",
            "  File \"x.py\", line 1, in <module>",
            "KeyError: 'x'",
            "",
            "INFO:waitress:Serving on http://127.0.0.1:8000");

        Assert.Equal([LogLevel.Warning, LogLevel.Warning, LogLevel.Warning, LogLevel.Warning, LogLevel.Warning, LogLevel.Information], levels);
    }

    [Fact]
    public void A_blank_line_outside_a_traceback_is_debug_and_leaves_the_records_claim_on_a_traceback_after_it()
    {
        var levels = Levels(
            "[2026-12-03 10:46:26 +0000] [29528] [ERROR] Exception in worker process",
            "",
            "Traceback (most recent call last):",
            "  File \"x.py\", line 1, in <module>",
            "KeyError: 'x'",
            "",
            "worker: Warm shutdown (MainProcess)",
            "   ",
            "a line of its own");

        Assert.Equal(
            [LogLevel.Error, LogLevel.Debug, LogLevel.Error, LogLevel.Error, LogLevel.Error, LogLevel.Error, LogLevel.Information, LogLevel.Debug, LogLevel.Warning],
            levels);
    }

    [Fact]
    public void Indented_lines_outside_a_traceback_keep_the_streams_level()
    {
        var levels = Levels(
            "/usr/lib/python3/dist-packages/django_q/conf.py:139: UserWarning: Retry and timeout are misconfigured.",
            "  warn(",
            "INFO:     Started server process [22821]");

        Assert.Equal([LogLevel.Warning, LogLevel.Warning, LogLevel.Information], levels);
    }
}
