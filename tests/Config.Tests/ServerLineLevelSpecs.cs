using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A server's own log line is logged at the level it wrote, whichever of its streams it came on (celery, django-q, daphne
/// and gunicorn log INFO to stderr, which without a level is a warning); the level is read from the line's head only.
/// The lines are as the servers here write them (captured from the Debian packages).
/// </summary>
public sealed class ServerLineLevelSpecs
{
    [Theory]
    [InlineData("INFO:waitress:Serving on http://127.0.0.1:8000", LogLevel.Information)] // waitress (logging.basicConfig)
    [InlineData("WARNING:waitress.queue:Task queue depth is 1", LogLevel.Warning)]
    [InlineData("INFO:     Started server process [22821]", LogLevel.Information)] // uvicorn
    [InlineData("ERROR:    Exception in ASGI application", LogLevel.Error)]
    [InlineData("[2026-12-03 10:25:03 +0000] [22574] [INFO] Listening at: http://127.0.0.1:8000 (22574)", LogLevel.Information)] // gunicorn
    [InlineData("[2026-12-03 10:26:25 +0000] [22817] [WARNING] ASGI Framework Lifespan error, continuing without Lifespan support", LogLevel.Warning)] // hypercorn
    [InlineData("[2026-12-03 10:25:27 +0000] [22574] [CRITICAL] WORKER TIMEOUT (pid:22599)", LogLevel.Critical)]
    [InlineData("[INFO] Starting granian (main PID: 812)", LogLevel.Information)] // granian
    [InlineData("[2026-12-03 10:25:05,118: INFO/MainProcess] beat: Starting...", LogLevel.Information)] // celery beat
    [InlineData("[2026-12-03 10:25:09,411: ERROR/ForkPoolWorker-12] Task shop.add[8c1e] raised unexpected: ValueError()", LogLevel.Error)] // celery worker
    [InlineData("[2026-12-03 10:25:06,002: DEBUG/MainProcess] | Worker: Preparing bootsteps.", LogLevel.Debug)]
    [InlineData("10:25:04 [Q] INFO Q Cluster missouri-oklahoma-florida-indigo starting.", LogLevel.Information)] // django-q
    [InlineData("10:25:09 [Q] ERROR reincarnated worker Process-1:1 after death", LogLevel.Error)]
    [InlineData("2026-12-03 10:26:22,058 INFO     Starting server at tcp:port=8011:interface=127.0.0.1", LogLevel.Information)] // daphne
    [InlineData("\u001b[32mINFO\u001b[0m:     Uvicorn running on http://127.0.0.1:8000", LogLevel.Information)] // uvicorn, coloured
    [InlineData("CRITICAL", LogLevel.Critical)]
    // Django's development server: no level written, so the status decides, as Django's own logger does.
    [InlineData("[03/Dec/2026 11:37:14] \"GET / HTTP/1.1\" 200 10697", LogLevel.Information)]
    [InlineData("[03/Dec/2026 11:37:14] \"GET /static/x.css HTTP/1.1\" 304 0", LogLevel.Information)]
    [InlineData("[03/Dec/2026 11:37:14] \"GET /nope HTTP/1.1\" 404 2089", LogLevel.Warning)]
    [InlineData("[03/Dec/2026 11:37:14] \"POST /boom HTTP/1.1\" 500 145", LogLevel.Error)]
    [InlineData("[03/Dec/2026 11:37:14] \"GET /?level=[CRITICAL]&x=\" 200 1 HTTP/1.1\" 500 145", LogLevel.Error)] // a quote in the request
    // uWSGI's request lines, on stderr with no level: by status too; a URI holding "(HTTP/1.1 500)" does not decide.
    [InlineData("[pid: 856|app: 0|req: 1/1] 127.0.0.1 () {24 vars in 244 bytes} [Thu Dec  3 11:40:22 2026] GET / => generated 21 bytes in 0 msecs (HTTP/1.1 200) 2 headers in 65 bytes (1 switches on core 0)", LogLevel.Information)]
    [InlineData("[pid: 856|app: 0|req: 2/2] 127.0.0.1 () {24 vars in 280 bytes} [Thu Dec  3 11:40:22 2026] GET /x%20(HTTP/1.1%20500) => generated 37 bytes in 0 msecs (HTTP/1.1 200) 2 headers in 65 bytes (1 switches on core 0)", LogLevel.Information)]
    [InlineData("[pid: 856|app: 0|req: 3/3] 127.0.0.1 () {24 vars in 244 bytes} [Thu Dec  3 11:40:22 2026] GET /x (HTTP/1.1 200) => generated 0 bytes in 1 msecs (HTTP/1.1 502) 2 headers in 65 bytes (1 switches on core 0)", LogLevel.Error)]
    [InlineData("[pid: 856|app: 0|req: 4/4] 127.0.0.1 () {24 vars in 244 bytes} [Thu Dec  3 11:40:22 2026] GET /nope => generated 9 bytes in 0 msecs (HTTP/1.1 404) 2 headers in 65 bytes (1 switches on core 0)", LogLevel.Warning)]
    // gunicorn 20's warning for a worker its SIGTERM ended, in every graceful stop and HUP reload: information, as later
    // gunicorns log it; other signals keep the warning.
    [InlineData("[2026-12-03 13:52:28 +0000] [20019] [WARNING] Worker with pid 20021 was terminated due to signal 15", LogLevel.Information)]
    [InlineData("[2026-12-03 13:52:28 +0000] [20019] [WARNING] Worker with pid 20021 was terminated due to signal 9", LogLevel.Warning)]
    [InlineData("[2026-12-03 13:52:28 +0000] [20019] [WARNING] Worker with pid 8 was terminated due to signal 6", LogLevel.Warning)]
    [InlineData("[2026-12-03 13:52:28 +0000] [20019] [WARNING] Worker with pid x1 was terminated due to signal 15", LogLevel.Warning)]
    public void A_servers_own_level_is_read_from_the_head_of_its_line(string line, LogLevel expected) =>
        Assert.Equal(expected, ServerLineLevel.Find(line) ?? LogLevel.Warning);

    [Theory]
    // A level word in the message is the message's: an access line for /[ERROR] is not an error, nor a warning
    // that mentions INFO an information line.
    [InlineData("127.0.0.1 - - [03/Dec/2026:10:25:03 +0000] \"GET /[ERROR] HTTP/1.1\" 404 179 \"-\" \"curl/8\"")]
    [InlineData("/usr/lib/python3/dist-packages/django_q/conf.py:139: UserWarning: Retry and timeout are misconfigured. [INFO]")]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("  File \"/srv/site/manage.py\", line 22, in <module> INFO:")]
    // A word that begins like a level is not one, and a level must start a word of the head.
    [InlineData("INFORMATION: not a level")]
    [InlineData("WARNINGS: not a level")]
    [InlineData("2026-12-03 10:26:22,058 XINFO starting")]
    [InlineData("10:25:04 [Q]INFO glued to its tag")]
    // The head is short: a level after 64 characters of digits is not read.
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000000000 INFO late")]
    // A tag that is not closed, or has a space, ends the head.
    [InlineData("[Q INFO never closed")]
    [InlineData("[Not a tag] INFO")]
    [InlineData("")]
    // Not Django's request line: no status after the request, or a head that is not a time.
    [InlineData("[03/Dec/2026 11:37:14] \"GET / HTTP/1.1")]
    [InlineData("[03/Dec/2026 11:37:14] \"GET / HTTP/1.1\" abc 1")]
    [InlineData("[03/Dec;2026 11:37:14] \"GET / HTTP/1.1\" 200 1")]
    [InlineData("[pid: 856|app: 0|req: 1/1] 127.0.0.1 () {24 vars in 244 bytes} GET / => generated 21 bytes (HTTP/1.1")]
    [InlineData("[pid: 856|app: 0|req: 1/1] GET / (HTTP/1.1 2x0) 2 headers")]
    [InlineData("[pid: 856] (HTTP/1.1 20")]
    [InlineData("[0")]
    [InlineData("[03/Dec/2026] \"")]
    [InlineData("[03/Dec/2026 11:37:14] \"\" 2")]
    public void A_line_without_a_level_at_its_head_keeps_its_streams_level(string line)
    {
        Assert.Equal(LogLevel.Warning, ServerLineLevel.Find(line) ?? LogLevel.Warning);
        Assert.Equal(LogLevel.Information, ServerLineLevel.Find(line) ?? LogLevel.Information);
    }
}
