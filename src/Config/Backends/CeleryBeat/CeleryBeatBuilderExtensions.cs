using System;

namespace ProdServer.Config;

/// <summary>Declares the Celery beat process (the periodic task scheduler; declare one).</summary>
public static class CeleryBeatBuilderExtensions
{
    /// <summary>The process declared by <see cref="UseCeleryBeat(ProdServerBuilder, string, Func{CeleryBeatArgs, CeleryBeatArgs}?)"/>.</summary>
    public const string DefaultProcessName = "beat";

    /// <summary>Runs this process as Celery beat: <c>python -m celery --app=APP [global options] beat [options]</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c>.</param>
    /// <param name="configure">Sets celery's options, typically <c>b =&gt; b with { Schedule = "/var/lib/app/celerybeat-schedule" }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseCeleryBeat(this ProcessBuilder process, string app, Func<CeleryBeatArgs, CeleryBeatArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.CeleryBeat, app, configure);
    }

    /// <summary>Declares the <c>beat</c> process, run by Celery beat.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c>.</param>
    /// <param name="configure">Sets celery's options.</param>
    /// <returns>A builder for the <c>beat</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseCeleryBeat(this ProdServerBuilder builder, string app, Func<CeleryBeatArgs, CeleryBeatArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(DefaultProcessName).UseCeleryBeat(app, configure);
    }
}
