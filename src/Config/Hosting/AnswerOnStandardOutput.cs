using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// A command that answers on standard output (<c>--list</c>, <c>--dry-run [--json]</c>, <c>--check</c>, <c>--help</c>,
/// <c>export</c>, <c>import</c>, <c>status [--json]</c> and the other control commands) sends its log to standard error:
/// the console logger writes to standard output by default, and a configuration warning there made <c>status --json</c>
/// and <c>--dry-run --json</c> unparseable and mixed into <c>--list</c>'s table. A run keeps the host's logging as it is.
/// </summary>
internal static class AnswerOnStandardOutput
{
    private const string ThresholdKey = "Logging:Console:LogToStandardErrorThreshold";

    /// <summary>For a builder not yet built: every console log line goes to standard error.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="commandLine">The parsed command line.</param>
    public static void Apply(HostApplicationBuilder builder, ProdServerCommandLine commandLine)
    {
        if (commandLine.AnswersOnStandardOutput)
        {
            builder.Configuration.AddInMemoryCollection([new(ThresholdKey, nameof(LogLevel.Trace))]);
        }
    }

    /// <summary>For a host the caller built: the console logger's options, which it reads for each line, are changed in place.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="commandLine">The parsed command line.</param>
    public static void Apply(IServiceProvider services, ProdServerCommandLine commandLine)
    {
        if (commandLine.AnswersOnStandardOutput && services.GetService<IOptionsMonitor<ConsoleLoggerOptions>>() is { } options)
        {
            // The provider holds this very instance (the monitor's cached value) and checks the threshold per message.
            options.CurrentValue.LogToStandardErrorThreshold = LogLevel.Trace;
        }
    }
}
