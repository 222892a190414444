using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// What a server wrote as one record is one log entry: a Python traceback with the line that logged it, a warning with
/// its source line; every other line is an entry of its own, in the order written. The lines are as the servers write them.
/// </summary>
public sealed class OutputRecordsSpecs
{
    private static List<(string Text, LogLevel Level)> Entries(params (string Line, bool Error)[] lines)
    {
        var entries = new List<(string, LogLevel)>();
        var records = new OutputRecords((text, level) => entries.Add((text, level)));
        foreach (var (line, error) in lines)
        {
            records.Add(line, error);
        }

        records.Flush();
        return entries;
    }

    private static (string, bool)[] Stderr(params string[] lines) => [.. lines.Select(l => (l, true))];

    [Fact]
    public void A_record_and_its_traceback_are_one_entry_at_the_records_level_and_the_next_record_is_its_own()
    {
        var entries = Entries(Stderr(
            "ERROR:waitress:Exception while serving /boom",
            "Traceback (most recent call last):",
            "  File \"/usr/lib/python3/dist-packages/waitress/channel.py\", line 428, in service",
            "    task.service()",
            "ZeroDivisionError: division by zero",
            "INFO:waitress:Serving on http://127.0.0.1:8000"));

        Assert.Equal(
            [
                (string.Join('\n',
                    "ERROR:waitress:Exception while serving /boom",
                    "Traceback (most recent call last):",
                    "  File \"/usr/lib/python3/dist-packages/waitress/channel.py\", line 428, in service",
                    "    task.service()",
                    "ZeroDivisionError: division by zero"), LogLevel.Error),
                ("INFO:waitress:Serving on http://127.0.0.1:8000", LogLevel.Information),
            ],
            entries);
    }

    [Fact]
    public void An_uncaught_exceptions_chained_tracebacks_are_one_error_entry_without_the_blank_line_after_it()
    {
        var entries = Entries(Stderr([.. PythonOutput.ChainedTraceback, "", "a line of its own"]));

        Assert.Equal(2, entries.Count);
        Assert.Equal(LogLevel.Error, entries[0].Level);
        Assert.StartsWith("Traceback (most recent call last):\n", entries[0].Text, System.StringComparison.Ordinal);
        Assert.EndsWith("\nImportError: Couldn't import Django.", entries[0].Text, System.StringComparison.Ordinal);
        Assert.Equal(9, entries[0].Text.Split('\n').Length);
        Assert.Equal(("a line of its own", LogLevel.Warning), entries[1]);
    }

    [Fact]
    public void A_traceback_after_a_line_without_a_level_joins_it_as_an_error()
    {
        var entries = Entries(
            ("Internal Server Error: /boom", false),
            ("Traceback (most recent call last):", false),
            ("KeyError: 'x'", false));

        Assert.Equal([("Internal Server Error: /boom\nTraceback (most recent call last):\nKeyError: 'x'", LogLevel.Error)], entries);
    }

    [Fact]
    public void A_traceback_after_a_blank_line_is_an_entry_of_its_own_with_the_level_of_the_record_before_the_blank()
    {
        var entries = Entries(Stderr(
            "[2026-12-03 10:46:26 +0000] [29528] [ERROR] Exception in worker process",
            "",
            "Traceback (most recent call last):",
            "KeyError: 'x'"));

        Assert.Equal(
            [
                ("[2026-12-03 10:46:26 +0000] [29528] [ERROR] Exception in worker process", LogLevel.Error),
                ("", LogLevel.Debug),
                ("Traceback (most recent call last):\nKeyError: 'x'", LogLevel.Error),
            ],
            entries);
    }

    [Fact]
    public void A_line_of_the_other_stream_ends_the_entry_so_that_order_is_kept()
    {
        var entries = Entries(
            ("ERROR:waitress:Exception while serving /boom", true),
            ("Traceback (most recent call last):", true),
            ("GET /other 200", false),
            ("  File \"x.py\", line 1, in <module>", true),
            ("KeyError: 'x'", true));

        Assert.Equal(
            [
                ("ERROR:waitress:Exception while serving /boom\nTraceback (most recent call last):", LogLevel.Error),
                ("GET /other 200", LogLevel.Information),
                ("  File \"x.py\", line 1, in <module>\nKeyError: 'x'", LogLevel.Error),
            ],
            entries);
    }

    [Fact]
    public void A_python_warning_and_its_source_line_are_one_entry_and_an_indented_line_after_anything_else_is_its_own()
    {
        var entries = Entries(Stderr(
            "/usr/lib/python3/dist-packages/django_q/conf.py:139: UserWarning: Retry and timeout are misconfigured.",
            "  warn(",
            "INFO:     Started server process [22821]",
            "  indented, after a record that is not a warning"));

        Assert.Equal(
            [
                ("/usr/lib/python3/dist-packages/django_q/conf.py:139: UserWarning: Retry and timeout are misconfigured.\n  warn(", LogLevel.Warning),
                ("INFO:     Started server process [22821]", LogLevel.Information),
                ("  indented, after a record that is not a warning", LogLevel.Warning),
            ],
            entries);
    }

    // Celery's SecurityWarning at a worker's start as root (celery/platforms.py, ROOT_DISCOURAGED): the message's own
    // line breaks, blank lines among them, then the source line.
    private static readonly string[] CeleryRootWarning =
    [
        "/usr/lib/python3/dist-packages/celery/platforms.py:840: SecurityWarning: You're running the worker with superuser privileges: this is",
        "absolutely not recommended!",
        "",
        "Please specify a different user using the --uid option.",
        "",
        "User information: uid=0 euid=0 gid=0 egid=0",
        "",
        "  warnings.warn(SecurityWarning(ROOT_DISCOURAGED.format(",
    ];

    [Fact]
    public void A_python_warning_whose_message_spans_lines_is_one_entry_up_to_its_source_line_and_the_next_line_is_its_own()
    {
        var entries = Entries(Stderr([.. CeleryRootWarning, "a line without a level", "  indented, after the warning's source line"]));

        Assert.Equal(
            [
                (string.Join('\n', CeleryRootWarning), LogLevel.Warning),
                ("a line without a level", LogLevel.Warning),
                ("  indented, after the warning's source line", LogLevel.Warning),
            ],
            entries);
    }

    [Fact]
    public void A_python_warning_without_a_source_line_swallows_none_of_the_lines_after_it()
    {
        var entries = Entries(
            ("/nonexistent/app.py:7: UserWarning: Python could not read the source", true),
            ("a line without a level", true),
            ("", true),
            ("on stdout", false),
            ("  indented, after a line of the other stream", true));

        Assert.Equal(
            [
                ("/nonexistent/app.py:7: UserWarning: Python could not read the source", LogLevel.Warning),
                ("a line without a level", LogLevel.Warning),
                ("", LogLevel.Debug),
                ("on stdout", LogLevel.Information),
                ("  indented, after a line of the other stream", LogLevel.Warning),
            ],
            entries);
    }

    [Fact]
    public void Lines_after_a_python_warning_that_start_a_record_of_their_own_end_its_message()
    {
        var entries = Entries(Stderr(
            "x.py:1: UserWarning: no source line",
            "not the message",
            "[2026-12-03 10:46:26 +0000] [29528] [ERROR] Exception in worker process",
            "Traceback (most recent call last):",
            "  File \"x.py\", line 1, in <module>",
            "KeyError: 'x'"));

        Assert.Equal(
            [
                ("x.py:1: UserWarning: no source line", LogLevel.Warning),
                ("not the message", LogLevel.Warning),
                ("[2026-12-03 10:46:26 +0000] [29528] [ERROR] Exception in worker process\nTraceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nKeyError: 'x'", LogLevel.Error),
            ],
            entries);
    }

    [Fact]
    public void A_python_warnings_message_is_looked_through_for_its_source_line_only_so_far()
    {
        var lines = new[] { "x.py:1: UserWarning: no source line" }
            .Concat(Enumerable.Range(0, PythonWarningText.MessageLines + 1).Select(i => $"line {i}"))
            .Append("  indented, far after the warning")
            .ToArray();

        var entries = Entries(Stderr(lines));

        Assert.Equal(lines.Select(l => (l, LogLevel.Warning)), entries);
    }

    [Fact]
    public void A_resource_warning_with_what_it_says_about_the_object_is_one_entry()
    {
        var warning = new[]
        {
            "/srv/app/views.py:12: ResourceWarning: unclosed file <_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>",
            "  open(\"x\")",
            "ResourceWarning: Enable tracemalloc to get the object allocation traceback",
        };

        var entries = Entries(Stderr([.. warning, "INFO:waitress:Serving on http://127.0.0.1:8000"]));

        Assert.Equal(
            [(string.Join('\n', warning), LogLevel.Warning), ("INFO:waitress:Serving on http://127.0.0.1:8000", LogLevel.Information)],
            entries);
    }

    [Fact]
    public void Waitress_usage_text_after_an_error_is_one_debug_entry_and_the_exception_it_names_one_error_entry()
    {
        var entries = Entries(Stderr(WaitressOutput.BadModule(
            "There was an exception (ModuleNotFoundError) importing your module.",
            "",
            "It had these arguments: ",
            "1. No module named 'mysite.nosettings'",
            "",
            "INFO:waitress:a line of its own")));

        Assert.Equal(
            [
                ("Error: Bad module 'mysite.wsgi'", LogLevel.Error),
                ("", LogLevel.Debug),
                (WaitressOutput.Usage, LogLevel.Debug),
                ("There was an exception (ModuleNotFoundError) importing your module.\n\nIt had these arguments: \n1. No module named 'mysite.nosettings'", LogLevel.Error),
                ("INFO:waitress:a line of its own", LogLevel.Information),
            ],
            entries);
    }

    [Theory]
    [InlineData("/srv/app/settings.py:12: RemovedInDjango60Warning: The FORMS_URLFIELD_ASSUME_HTTPS setting is deprecated.", true)]
    [InlineData("x.py:1: django.utils.deprecation.RemovedInDjango60Warning: soon", true)]
    [InlineData("C:\\srv\\app.py:7: DeprecationWarning: old", true)]
    [InlineData("x.py: UserWarning: no line number", false)]
    [InlineData("Warning: at the start", false)]
    [InlineData("x.py:1:UserWarning: no space", false)]
    [InlineData("[WARNING] Worker with pid 7 was terminated", false)]
    public void A_python_warnings_header_is_file_line_category_message(string line, bool expected) =>
        Assert.Equal(expected, PythonWarningText.IsHeader(line));

    [Fact]
    public void A_traceback_longer_than_an_entry_holds_goes_on_in_a_next_entry_at_the_same_level_and_nothing_is_lost()
    {
        var frame = "  File \"x.py\", line 1, in f" + new string('x', 1000);
        var lines = new[] { "ERROR:waitress:Exception while serving /deep", "Traceback (most recent call last):" }
            .Concat(Enumerable.Repeat(frame, 200))
            .Append("RecursionError: maximum recursion depth exceeded")
            .ToArray();

        var entries = Entries(Stderr(lines));

        Assert.True(entries.Count > 1);
        Assert.All(entries, e => Assert.True(e.Text.Length <= OutputRecords.LongestEntry, e.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(entries, e => Assert.Equal(LogLevel.Error, e.Level));
        Assert.Equal(lines, entries.SelectMany(e => e.Text.Split('\n')));
    }

    [Fact]
    public void A_line_alone_is_written_as_the_same_string_not_a_copy()
    {
        var line = "127.0.0.1 - - [03/Dec/2026:17:00:00 +0000] \"GET / HTTP/1.1\" 200 10697";
        var entries = Entries((line, false));

        Assert.Same(line, Assert.Single(entries).Text);
    }

    [Fact]
    public void Only_a_traceback_without_its_exceptions_line_yet_awaits_the_rest()
    {
        var records = new OutputRecords((_, _) => { });
        records.Add("ERROR:waitress:Exception while serving /boom", true);
        Assert.False(records.AwaitsRestOfTraceback);
        records.Add("Traceback (most recent call last):", true);
        records.Add("  File \"x.py\", line 1, in <module>", true);
        Assert.True(records.AwaitsRestOfTraceback);
        records.Add("KeyError: 'x'", true);
        Assert.False(records.AwaitsRestOfTraceback);
        Assert.True(records.Holding);
        records.Flush();
        Assert.False(records.Holding);
    }
}
