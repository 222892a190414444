using System;

namespace ProdServer.Config;

/// <summary>Declares processes run by the Django Tasks database worker.</summary>
public static class DjangoTasksBuilderExtensions
{
    /// <summary>The process declared by <see cref="UseDjangoTasks(ProdServerBuilder, Func{DjangoTasksArgs, DjangoTasksArgs}?)"/>.</summary>
    public const string DefaultProcessName = "worker";

    /// <summary>Runs this process with <c>python manage.py db_worker [options]</c> from the Django project (the working directory).</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="configure">Sets db_worker's options, for example <c>d =&gt; d with { QueueName = ["default", "emails"], Reload = false }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseDjangoTasks(this ProcessBuilder process, Func<DjangoTasksArgs, DjangoTasksArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.DjangoTasks, configure);
    }

    /// <summary>Declares the <c>worker</c> process, run by the Django Tasks database worker.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="configure">Sets db_worker's options.</param>
    /// <returns>A builder for the <c>worker</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseDjangoTasks(this ProdServerBuilder builder, Func<DjangoTasksArgs, DjangoTasksArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(DefaultProcessName).UseDjangoTasks(configure);
    }
}
