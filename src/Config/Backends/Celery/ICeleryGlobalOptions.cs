namespace ProdServer.Config;

/// <summary>
/// The options of the <c>celery</c> command itself, which must be written before the subcommand word
/// (<c>celery --app=proj --broker=… worker …</c>); written after it, celery rejects them (exit 2). They are properties of
/// <see cref="CeleryWorkerArgs"/> and <see cref="CeleryBeatArgs"/> so that one <c>Args</c> section configures the whole
/// command; the backend moves them in front of the subcommand. The app itself (<c>--app</c>) is the process's <c>App</c>.
/// </summary>
public interface ICeleryGlobalOptions
{
    /// <summary><c>--broker</c>: the broker URL, overriding the app's <c>broker_url</c>.</summary>
    string? Broker { get; }

    /// <summary><c>--result-backend</c>: the result backend URL, overriding the app's <c>result_backend</c>.</summary>
    string? ResultBackend { get; }

    /// <summary><c>--loader</c>: the import path of the loader class.</summary>
    string? Loader { get; }

    /// <summary><c>--config</c>: the name of a configuration module to load.</summary>
    string? Config { get; }

    /// <summary><c>--workdir</c>: the directory celery changes to before it loads the app.</summary>
    string? Workdir { get; }

    /// <summary><c>--no-color</c>: plain, uncoloured output.</summary>
    bool? NoColor { get; }

    /// <summary><c>--quiet</c>: less banner output.</summary>
    bool? Quiet { get; }

    /// <summary><c>--skip-checks</c>: skip Django's system checks at start (celery 5.3 and later).</summary>
    bool? SkipChecks { get; }
}
