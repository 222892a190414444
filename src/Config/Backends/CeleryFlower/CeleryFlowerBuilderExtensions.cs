using System;
using ProdServer.Config;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Declares the Celery Flower process (the monitoring web UI).</summary>
public static class CeleryFlowerBuilderExtensions
{
    /// <summary>The process declared by <see cref="UseCeleryFlower(ProdServerBuilder, string, Func{CeleryFlowerArgs, CeleryFlowerArgs}?)"/>.</summary>
    public const string DefaultProcessName = "flower";

    /// <summary>Runs this process as Celery Flower: <c>python -m celery --app=APP [global options] flower [options]</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c>.</param>
    /// <param name="configure">Sets celery's options, typically <c>f =&gt; f with { Address = "127.0.0.1", Port = 5555 }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseCeleryFlower(this ProcessBuilder process, string app, Func<CeleryFlowerArgs, CeleryFlowerArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.CeleryFlower, app, configure);
    }

    /// <summary>Declares the <c>beat</c> process, run by Celery Flower.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The Celery app, <c>module</c> or <c>module:attribute</c>, for example <c>proj</c>.</param>
    /// <param name="configure">Sets celery's options.</param>
    /// <returns>A builder for the <c>beat</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseCeleryFlower(this ProdServerBuilder builder, string app, Func<CeleryFlowerArgs, CeleryFlowerArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(DefaultProcessName).UseCeleryFlower(app, configure);
    }
}
