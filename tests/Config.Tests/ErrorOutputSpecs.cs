using System.Linq;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// What a failed start is reported with: the last Python exception or "Error:" line on stderr (for waitress's "Bad
/// module", the exception it names after its usage text, as Python would have written it), and the last lines without
/// the usage text.
/// </summary>
public sealed class ErrorOutputSpecs
{
    private static string? ReasonOf(params string[] lines)
    {
        var failure = new ErrorOutput(30, 1000);
        foreach (var line in lines)
        {
            failure.Add(line);
        }

        return failure.Reason;
    }

    [Fact]
    public void Waitress_bad_module_is_reported_with_the_exception_that_the_import_raised()
    {
        var reason = ReasonOf(WaitressOutput.BadModule(
            "There was an exception (ModuleNotFoundError) importing your module.",
            "",
            "It had these arguments: ",
            "1. No module named 'mysite.nosettings'",
            ""));

        Assert.Equal("ModuleNotFoundError: No module named 'mysite.nosettings'", reason);
    }

    [Fact]
    public void A_settings_error_is_reported_as_itself_not_as_a_missing_module()
    {
        var reason = ReasonOf(WaitressOutput.BadModule(
            "There was an exception (ImproperlyConfigured) importing your module.",
            "",
            "It had these arguments: ",
            "1. The SECRET_KEY setting must not be empty.",
            "",
            "2. a second argument is not the message"));

        Assert.Equal("ImproperlyConfigured: The SECRET_KEY setting must not be empty.", reason);
    }

    [Fact]
    public void An_exception_without_arguments_is_reported_by_its_type()
    {
        var reason = ReasonOf(WaitressOutput.BadModule(
            "There was an exception (KeyboardInterrupt) importing your module.",
            "",
            "It had no arguments."));

        Assert.Equal("KeyboardInterrupt", reason);
    }

    [Fact]
    public void Without_waitress_words_the_last_exception_or_error_line_is_the_reason()
    {
        Assert.Equal("Error: Bad module 'mysite.wsgi'", ReasonOf(WaitressOutput.BadModule()));
        Assert.Equal("RuntimeError: boom at import", ReasonOf("Traceback (most recent call last):", "  File \"x.py\", line 2", "RuntimeError: boom at import", "[INFO] Worker exiting"));
        Assert.Equal("1. not after waitress's exception line", ReasonOf("a line", "1. not after waitress's exception line"));
        Assert.Null(ReasonOf());
    }

    [Fact]
    public void The_tail_quoted_in_a_failure_leaves_the_usage_text_out_and_keeps_the_last_lines()
    {
        var output = new ErrorOutput(3, 1000);
        foreach (var line in WaitressOutput.BadModule("There was an exception (ModuleNotFoundError) importing your module.", "", "It had these arguments: ", "1. No module named 'x'"))
        {
            output.Add(line);
        }

        Assert.Equal("\nIt had these arguments: \n1. No module named 'x'", output.Tail);

        var shortTail = new ErrorOutput(30, 1000);
        foreach (var line in WaitressOutput.BadModule("There was an exception (ModuleNotFoundError) importing your module."))
        {
            shortTail.Add(line);
        }

        Assert.Equal("Error: Bad module 'mysite.wsgi'\n\nThere was an exception (ModuleNotFoundError) importing your module.", shortTail.Tail);
    }

    [Fact]
    public void An_exception_the_server_lived_on_after_is_not_the_reason_once_ten_lines_followed_it()
    {
        // A Celery worker logged a task's ZeroDivisionError and kept working; killed later, it was said to have died of it.
        string[] handled = ["[ERROR/ForkPoolWorker-1] Task boom raised unexpected: ZeroDivisionError('division by zero')", "ZeroDivisionError: division by zero"];
        string[] afterwards = [.. Enumerable.Range(1, 10).Select(i => $"[INFO/MainProcess] Task add[{i}] succeeded in 0.01s: 3")];

        Assert.Equal("[INFO/MainProcess] Task add[10] succeeded in 0.01s: 3", ReasonOf([.. handled, .. afterwards]));
        Assert.Equal("ZeroDivisionError: division by zero", ReasonOf([.. handled, .. afterwards[..9]]));
    }
}
