using Microsoft.Extensions.Logging;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>A server's command-line error before it exits is an error, in click's and argparse's words, as the servers write them.</summary>
public sealed class CommandLineErrorLevelSpecs
{
    [Theory]
    [InlineData("Error: Bad module 'mysite.wsgi'")] // waitress
    [InlineData("Error: No such option: --wrokers (Possible options: --workers)")] // uvicorn (click)
    [InlineData("Error: Invalid value for '-A' / '--app': ")] // celery (click)
    [InlineData("gunicorn: error: unrecognized arguments: --wrokers")] // argparse
    [InlineData("daphne: error: the following arguments are required: application")]
    public void A_command_lines_error_is_an_error(string line) =>
        Assert.Equal(LogLevel.Error, ServerLineLevel.Find(line));

    [Theory]
    [InlineData("Error handling request /boom")]
    [InlineData("ErrorDocument: missing")]
    [InlineData("the server said: error: maybe")] // more than a program's name before it
    [InlineData("127.0.0.1 - - \"GET /Error: HTTP/1.1\" 200 5")]
    public void Other_lines_with_error_in_them_are_not(string line) =>
        Assert.NotEqual(LogLevel.Error, ServerLineLevel.Find(line));
}
