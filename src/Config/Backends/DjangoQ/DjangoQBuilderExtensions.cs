using System;

namespace ProdServer.Config;

/// <summary>Declares processes run by a Django-Q2 cluster.</summary>
public static class DjangoQBuilderExtensions
{
    /// <summary>The process declared by <see cref="UseDjangoQ(ProdServerBuilder, Func{DjangoQArgs, DjangoQArgs}?)"/>.</summary>
    public const string DefaultProcessName = "worker";

    /// <summary>Runs this process with <c>python manage.py qcluster [options]</c> from the Django project (the working directory).</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="configure">Sets qcluster's options, for example <c>q =&gt; q with { Name = "long" }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseDjangoQ(this ProcessBuilder process, Func<DjangoQArgs, DjangoQArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.DjangoQ, configure);
    }

    /// <summary>Declares the <c>worker</c> process, run by a Django-Q2 cluster.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="configure">Sets qcluster's options.</param>
    /// <returns>A builder for the <c>worker</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseDjangoQ(this ProdServerBuilder builder, Func<DjangoQArgs, DjangoQArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(DefaultProcessName).UseDjangoQ(configure);
    }
}
