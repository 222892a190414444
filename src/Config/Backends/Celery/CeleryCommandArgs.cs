namespace ProdServer.Config;

/// <summary>
/// The <c>celery</c> command's global options, declared once for the celery subcommands' args records
/// (<see cref="CeleryWorkerArgs"/>, <see cref="CeleryBeatArgs"/>, <see cref="CeleryFlowerArgs"/>), which inherit them so that
/// one <c>Args</c> section configures the whole command. Celery parses them only before the subcommand word (after it they
/// are a usage error, exit 2), so the backend writes them there: <c>celery --app=APP [these] SUBCOMMAND [the rest]</c>.
/// The app itself (<c>--app</c>) is the process's <c>App</c>.
/// </summary>
public abstract record CeleryCommandArgs : ICeleryGlobalOptions
{
    /// <summary>Global <c>--broker</c>: the broker URL (<c>redis://127.0.0.1:6379/0</c>), overriding the app's <c>broker_url</c>.</summary>
    [Flag("broker")]
    public string? Broker { get; init; }

    /// <summary>Global <c>--result-backend</c>: the result backend URL, overriding the app's <c>result_backend</c>.</summary>
    [Flag("result-backend")]
    public string? ResultBackend { get; init; }

    /// <summary>Global <c>--loader</c>: the import path of the loader class. Default celery's app loader.</summary>
    [Flag("loader")]
    public string? Loader { get; init; }

    /// <summary>Global <c>--config</c>: a configuration module to load. Default none.</summary>
    [Flag("config")]
    public string? Config { get; init; }

    /// <summary>Global <c>--workdir</c>: the directory celery changes to before loading the app. Default the process's working directory.</summary>
    [Flag("workdir")]
    public string? Workdir { get; init; }

    /// <summary>Global <c>--no-color</c>: plain, uncoloured output. Default off.</summary>
    [Flag("no-color", Boolean = BooleanStyle.Switch)]
    public bool? NoColor { get; init; }

    /// <summary>Global <c>--quiet</c>: less banner output. Default off.</summary>
    [Flag("quiet", Boolean = BooleanStyle.Switch)]
    public bool? Quiet { get; init; }

    /// <summary>Global <c>--skip-checks</c>: skip Django's system checks at start. Default off. Celery 5.3 and later (not Debian's 5.2.6).</summary>
    [Flag("skip-checks", Boolean = BooleanStyle.Switch, Since = "5.3.0")]
    public bool? SkipChecks { get; init; }

    // The subcommand's part of the args: a copy (of the derived record, 'with' clones the runtime type) without the options
    // above, which CeleryGlobalArgs writes before the subcommand word. Listed here, next to the declarations, so a new
    // global option is cleared in the same edit that adds it (CeleryWorkerTranslationSpecs checks each lands on its side).
    internal CeleryCommandArgs WithoutGlobalOptions() => this with
    {
        Broker = null, ResultBackend = null, Loader = null, Config = null, Workdir = null, NoColor = null, Quiet = null, SkipChecks = null,
    };
}
