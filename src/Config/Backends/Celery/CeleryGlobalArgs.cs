namespace ProdServer.Config;

/// <summary>
/// The <c>celery</c> command's own options, as written before the subcommand. Built by the Celery backends from the process's
/// <c>App</c> and the <see cref="ICeleryGlobalOptions"/> of its args; users set those on <see cref="CeleryWorkerArgs"/> or
/// <see cref="CeleryBeatArgs"/>, never here. A generated record, so the flags are spelled by the same code as every other.
/// </summary>
[ServerArgs("celery")]
internal sealed partial record CeleryGlobalArgs
{
    /// <summary><c>--app</c>: the Celery app, <c>module</c> or <c>module:attribute</c>.</summary>
    [Flag("app")]
    public string? App { get; init; }

    /// <summary><c>--broker</c>.</summary>
    [Flag("broker")]
    public string? Broker { get; init; }

    /// <summary><c>--result-backend</c>.</summary>
    [Flag("result-backend")]
    public string? ResultBackend { get; init; }

    /// <summary><c>--loader</c>.</summary>
    [Flag("loader")]
    public string? Loader { get; init; }

    /// <summary><c>--config</c>.</summary>
    [Flag("config")]
    public string? Config { get; init; }

    /// <summary><c>--workdir</c>.</summary>
    [Flag("workdir")]
    public string? Workdir { get; init; }

    /// <summary><c>--no-color</c>.</summary>
    [Flag("no-color", Boolean = BooleanStyle.Switch)]
    public bool? NoColor { get; init; }

    /// <summary><c>--quiet</c>.</summary>
    [Flag("quiet", Boolean = BooleanStyle.Switch)]
    public bool? Quiet { get; init; }

    /// <summary><c>--skip-checks</c>.</summary>
    [Flag("skip-checks", Boolean = BooleanStyle.Switch)]
    public bool? SkipChecks { get; init; }

    /// <summary>The global options of a process: its app and the global options set on its args.</summary>
    /// <param name="app">The Celery app (the process's <c>App</c>).</param>
    /// <param name="options">The args holding the global options.</param>
    /// <returns>The record to write before the subcommand.</returns>
    public static CeleryGlobalArgs From(string? app, ICeleryGlobalOptions options) => new()
    {
        App = app,
        Broker = options.Broker,
        ResultBackend = options.ResultBackend,
        Loader = options.Loader,
        Config = options.Config,
        Workdir = options.Workdir,
        NoColor = options.NoColor,
        Quiet = options.Quiet,
        SkipChecks = options.SkipChecks,
    };
}
