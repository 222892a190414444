namespace ProdServer.Config.Analyzers;

/// <summary>What the rules know about where the settings will run.</summary>
internal sealed class RuleContext
{
    /// <summary>The default of <see cref="MaxThreads"/>: the top of the waitress guide's "high traffic" range.</summary>
    public const int DefaultMaxThreads = 16;

    /// <summary>The settings only apply in development (an <c>IsDevelopment()</c> branch, <c>appsettings.Development.json</c>, the Development environment).</summary>
    public bool IsDevelopment { get; set; }

    /// <summary>The server will run on Windows (the build targets it, or the runtime runs on it).</summary>
    public bool TargetsWindows { get; set; }

    /// <summary>The most request threads that are not reported (<c>prodserver.max_threads</c> in <c>.editorconfig</c>).</summary>
    public int MaxThreads { get; set; } = DefaultMaxThreads;

    /// <summary>The process's own <c>StopTimeout</c> in seconds, when it is set and known (configuration, or the runtime).</summary>
    public double? StopTimeoutSeconds { get; set; }
}
