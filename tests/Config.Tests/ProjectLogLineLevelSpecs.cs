using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A line a Django project's own <c>LOGGING</c> writes keeps its level: the formats of Django's and Python's documentation,
/// and the structured loggers projects use in production (JSON lines, logfmt, structlog, loguru). The lines were written by
/// the real libraries (Python 3.11's logging, python-json-logger 2.0, structlog 22.3, loguru 0.6, Debian bookworm).
/// Before, each of them was logged at its stream's level: an ERROR on stderr was a warning, and an ERROR on stdout
/// information.
/// </summary>
public sealed class ProjectLogLineLevelSpecs
{
    [Theory]
    // The logging cookbook's formats: a logger's name between the time and the level.
    [InlineData("2026-12-03 13:09:42,277 - django.request - ERROR - Internal Server Error: /shop/", LogLevel.Error)]
    [InlineData("2026-12-03 13:09:42,277 - django.request - WARNING - Not Found: /x", LogLevel.Warning)]
    [InlineData("2026-12-03 13:09:42,277 - __main__ - INFO - hello", LogLevel.Information)]
    [InlineData("2026-12-03 13:09:42,277 django.request ERROR    Internal Server Error: /shop/", LogLevel.Error)]
    [InlineData("2026-12-03 13:09:42,277 django.request DEBUG    dbg", LogLevel.Debug)]
    [InlineData("2026-12-03 13:09:42,277 shop.views: CRITICAL payment provider down", LogLevel.Critical)]
    // Django's documented "verbose" and "simple" formats.
    [InlineData("ERROR 2026-12-03 13:09:42,277 views 32359 140671473864768 Internal Server Error: /shop/", LogLevel.Error)]
    [InlineData("WARNING Not Found: /x", LogLevel.Warning)]
    // python-json-logger: its levelname wins over an extra "level" the record carries.
    [InlineData("{\"asctime\": \"2026-12-03 13:09:42,288\", \"levelname\": \"ERROR\", \"name\": \"django.request\", \"message\": \"Internal Server Error: /shop/\", \"status_code\": 500, \"level\": \"debug\"}", LogLevel.Error)]
    [InlineData("{\"asctime\": \"2026-12-03 13:09:42,288\", \"level\": \"WARNING\", \"message\": \"renamed\"}", LogLevel.Warning)]
    [InlineData("{\"asctime\": \"2026-12-03 13:09:42,288\", \"level\": \"ERROR\", \"message\": \"boom\", \"exc_info\": \"Traceback (most recent call last):\\n  File \\\"/tmp/lines.py\\\", line 20, in <module>\\n    1/0\\n    ~^~\\nZeroDivisionError: division by zero\"}", LogLevel.Error)]
    // structlog: JSON, the console renderer (plain and coloured), key=value.
    [InlineData("{\"order\": 12, \"event\": \"order failed\", \"level\": \"error\", \"timestamp\": \"2026-12-03T13:09:42.394254Z\"}", LogLevel.Error)]
    [InlineData("{\"order\": 12, \"event\": \"order placed\", \"level\": \"info\", \"timestamp\": \"2026-12-03T13:09:42.394398Z\"}", LogLevel.Information)]
    [InlineData("2026-12-03T13:09:42.394443Z [error    ] order failed                   order=12", LogLevel.Error)]
    [InlineData("2026-12-03T13:09:42.394494Z [warning  ] slow                           ms=12", LogLevel.Warning)]
    [InlineData("\u001b[2m2026-12-03T13:09:42.394523Z\u001b[0m [\u001b[31m\u001b[1merror    \u001b[0m] \u001b[1morder failed                  \u001b[0m \u001b[36morder\u001b[0m=\u001b[35m12\u001b[0m", LogLevel.Error)]
    [InlineData("order=12 event=\"order failed\" level=error timestamp=2026-12-03T13:09:42.394576Z", LogLevel.Error)]
    // loguru: its SUCCESS sits between INFO and WARNING.
    [InlineData("2026-12-03 13:09:42.412 | ERROR    | __main__:<module>:38 - order failed", LogLevel.Error)]
    [InlineData("2026-12-03 13:09:42.412 | SUCCESS  | __main__:<module>:38 - done", LogLevel.Information)]
    [InlineData("2026-12-03 13:12:21.207 | TRACE    | __main__:<module>:5 - step", LogLevel.Trace)]
    [InlineData("\u001b[32m2026-12-03 13:12:21.211\u001b[0m | \u001b[31m\u001b[1mERROR   \u001b[0m | \u001b[36m__main__\u001b[0m:\u001b[36m<module>\u001b[0m:\u001b[36m7\u001b[0m - \u001b[31m\u001b[1morder failed\u001b[0m", LogLevel.Error)]
    // Cloud log agents' and ECS's keys (as their documentation writes them), in the case they are written.
    [InlineData("{\"severity\": \"CRITICAL\", \"message\": \"db down\"}", LogLevel.Critical)]
    [InlineData("{\"@timestamp\":\"2026-12-03T13:09:42.412Z\",\"log.level\":\"warn\",\"message\":\"slow\"}", LogLevel.Warning)]
    // Django's request log while DEBUG, written with no format (Django 3.2's runserver, Debian's): by the reason phrase's status.
    [InlineData("Internal Server Error: /boom", LogLevel.Error)]
    [InlineData("Not Found: /nope", LogLevel.Warning)]
    [InlineData("Method Not Allowed: /post", LogLevel.Warning)]
    [InlineData("Forbidden (CSRF cookie not set.): /page", LogLevel.Warning)]
    [InlineData("Bad Request: /page", LogLevel.Warning)]
    [InlineData("Service Unavailable: /maintenance", LogLevel.Error)]
    // Its autoreloader's INFO lines, as runserver writes them on stderr.
    [InlineData("Watching for file changes with StatReloader", LogLevel.Information)]
    [InlineData("/tmp/djcap/urls.py changed, reloading.", LogLevel.Information)]
    public void A_projects_own_log_line_keeps_its_level(string line, LogLevel expected) =>
        Assert.Equal(expected, ServerLineLevel.Find(line));

    [Theory]
    // A name that does not follow a time stamp, two words before the level, or a name that ends the line: a sentence.
    [InlineData("starting ERROR handler")]
    [InlineData("2026-12-03 13:09:42,277 - one two - ERROR - x")]
    [InlineData("2026-12-03T13:09:42Z started")]
    [InlineData("2026-12-03 13:09:42 TypeError: boom")]
    [InlineData("2026-12-03T13:09:42.394443Z [information] not a level word")]
    // Only the record's own key: not a nested object's, not one inside a string, not a number; a JSON line ends with its record.
    [InlineData("{\"extra\": {\"level\": \"error\"}, \"message\": \"x\"}")]
    [InlineData("{\"message\": \"x \\\"level\\\": \\\"error\\\"\"}")]
    [InlineData("{\"levelno\": 40, \"level\": 40}")]
    [InlineData("{\"level\": \"error\"} and then words")]
    [InlineData("{\"level\": \"error\"")]
    [InlineData("{\"level\" \"error\"}")]
    [InlineData("{\"level\": \"loud\"}")]
    // logfmt is every word a pair: a request with a query, or a sentence with one pair in it, is not.
    [InlineData("GET /?level=error HTTP/1.1")]
    [InlineData("level=error but then words")]
    [InlineData("msg=\"never closed level=error")]
    [InlineData("msg=\"x\"level=error")]
    [InlineData("=error")]
    // A reason phrase that does not stand before a path is not Django's request log.
    [InlineData("Not Found here")]
    [InlineData("Internal Server Error: boom")]
    [InlineData("Forbidden (no path) /page")]
    [InlineData("Gone fishing: /lake")]
    [InlineData("Watching for file changes with StatReloader and more words")]
    [InlineData("everything changed, reloading.")]
    public void A_line_that_only_mentions_a_level_keeps_its_streams_level(string line) =>
        Assert.Null(ServerLineLevel.Find(line));
}
