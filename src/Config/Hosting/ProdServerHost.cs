using System;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProdServer.Config;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Creates the application builder the way <see cref="Host.CreateApplicationBuilder(string[])"/> does, but reports a
/// configuration file that cannot be read (malformed JSON in <c>appsettings.json</c>, a duplicate key) as one line naming
/// the file, line and column, instead of the stack trace the host would throw from inside the builder.
/// </summary>
public static partial class ProdServerHost
{
    /// <summary>
    /// Creates the builder for <paramref name="args"/>, or writes what is wrong and returns <see langword="null"/> (exit with
    /// code 1 then). The host is given only the configuration among the arguments (<c>--environment Staging</c>,
    /// <c>--ProdServer:…=…</c>), wherever it stands, not the entry point's own words, which the host would misread.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="error">Where the problem is written; the console's error stream by default.</param>
    /// <returns>The builder, or <see langword="null"/> when a configuration file cannot be read.</returns>
    public static HostApplicationBuilder? TryCreateApplicationBuilder(string[] args, TextWriter? error = null) =>
        TryCreateApplicationBuilder(new HostApplicationBuilderSettings { Args = HostArguments.ForHost(args ?? []) }, error);

    /// <summary>As <see cref="TryCreateApplicationBuilder(string[], TextWriter?)"/>, with the host's settings.</summary>
    /// <param name="settings">The builder settings (arguments, content root, environment).</param>
    /// <param name="error">Where the problem is written; the console's error stream by default.</param>
    /// <returns>The builder, or <see langword="null"/> when a configuration file cannot be read.</returns>
    public static HostApplicationBuilder? TryCreateApplicationBuilder(HostApplicationBuilderSettings settings, TextWriter? error = null)
    {
        StartupTrace.Mark("main");
        try
        {
            var builder = Host.CreateApplicationBuilder(settings);
            StartupTrace.Mark("builder");
            return builder;
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException && DescribeConfigurationError(ex) is { } message)
        {
            (error ?? Console.Error).WriteLine(message);
            Environment.ExitCode = ExitCodes.InvalidConfiguration;
            return null;
        }
    }

    /// <summary>
    /// One line for a configuration file the host could not load: <c>FILE:LINE:COLUMN: what is wrong</c> for malformed JSON,
    /// <c>FILE: what is wrong</c> otherwise; <see langword="null"/> when <paramref name="exception"/> is not such a failure.
    /// </summary>
    /// <param name="exception">What the configuration builder threw.</param>
    /// <param name="outcome">What came of it, said at the end of the line.</param>
    /// <returns>The line, or <see langword="null"/>.</returns>
    internal static string? DescribeConfigurationError(Exception exception, string outcome = "nothing was started")
    {
        // A host setting of the builder's own that it cannot convert (DOTNET_hostBuilder__reloadConfigOnChange=maybe).
        if (exception is InvalidOperationException && UnconvertibleSetting().Match(exception.Message) is { Success: true } setting)
        {
            return $"{Names.Printable(setting.Groups["key"].Value, 200)}: '{Names.Printable(setting.Groups["value"].Value, 200)}' is not a valid " +
                $"{Names.Printable(setting.Groups["type"].Value, 100)} (from the command line or a DOTNET_ variable; {outcome})";
        }

        if (exception is not InvalidDataException || QuotedFile().Match(exception.Message) is not { Success: true } file)
        {
            return null;
        }

        var path = file.Groups["file"].Value;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line } json)
            {
                var what = JsonPosition().Replace(json.Message, string.Empty).Trim();
                return $"{Names.Printable(path, 500)}:{line + 1}:{(json.BytePositionInLine ?? 0) + 1}: {Names.Printable(what, 300)} (the file is not valid JSON; {outcome})";
            }
        }

        var reason = exception.InnerException?.Message ?? exception.Message;
        return $"{Names.Printable(path, 500)}: {Names.Printable(reason, 300)} ({outcome})";
    }

    // Microsoft.Extensions.Configuration.Binder's message; the value may hold quotes and newlines, the key and type do not.
    [GeneratedRegex(@"\AFailed to convert configuration value '(?<value>.*)' at '(?<key>[^'\r\n]+)' to type '(?<type>[^'\r\n]+)'\.\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UnconvertibleSetting();

    [GeneratedRegex(@"'(?<file>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedFile();

    // System.Text.Json appends " Path: $.x | LineNumber: 2 | BytePositionInLine: 14." to its message; the line says that itself.
    [GeneratedRegex(@"\s*(Path: .*)?\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPosition();
}
