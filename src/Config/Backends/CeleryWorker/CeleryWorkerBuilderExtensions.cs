using System;

namespace ProdServer.Config;

/// <summary>Declares processes run by a Celery worker.</summary>
public static class CeleryWorkerBuilderExtensions
{
    /// <summary>The process declared by <see cref="UseCeleryWorker(ProdServerBuilder, string, Func{CeleryWorkerArgs, CeleryWorkerArgs}?)"/>.</summary>
    public const string DefaultProcessName = "worker";

    /// <summary>Runs this process as a Celery worker: <c>python -m celery --app=APP [global options] worker [options]</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c> or <c>proj.celery:app</c>.</param>
    /// <param name="configure">Sets celery's options, typically <c>w =&gt; w with { Concurrency = 4, LogLevel = CeleryLogLevel.Info }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseCeleryWorker(this ProcessBuilder process, string app, Func<CeleryWorkerArgs, CeleryWorkerArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.CeleryWorker, app, configure);
    }

    /// <summary>Declares the <c>worker</c> process, run by a Celery worker.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c>.</param>
    /// <param name="configure">Sets celery's options.</param>
    /// <returns>A builder for the <c>worker</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseCeleryWorker(this ProdServerBuilder builder, string app, Func<CeleryWorkerArgs, CeleryWorkerArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(DefaultProcessName).UseCeleryWorker(app, configure);
    }
}
