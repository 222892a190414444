using System;

namespace ProdServer.Config;

/// <summary>Declares a process served by Django's development server, for development only.</summary>
public static class DjangoDevServerBuilderExtensions
{
    /// <summary>Runs this process with <c>python manage.py runserver [options]</c> on Django's default 127.0.0.1:8000.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="configure">Sets runserver's options, for example <c>d =&gt; d with { NoReload = true }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseDjangoDevServer(this ProcessBuilder process, Func<DjangoDevServerArgs, DjangoDevServerArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.DjangoDevServer, configure);
    }

    /// <summary>Runs this process with <c>python manage.py runserver [options] ADDRPORT</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="addrport">Where to listen: <c>8000</c>, <c>127.0.0.1:8000</c> or <c>[::1]:8000</c>; it becomes the process's <c>App</c>.</param>
    /// <param name="configure">Sets runserver's options, for example <c>d =&gt; d with { NoReload = true }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseDjangoDevServer(this ProcessBuilder process, string addrport, Func<DjangoDevServerArgs, DjangoDevServerArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.DjangoDevServer, addrport, configure);
    }

    /// <summary>Declares the <c>web</c> process, served by Django's development server on <paramref name="addrport"/>.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="addrport">Where to listen: <c>8000</c>, <c>127.0.0.1:8000</c> or <c>[::1]:8000</c>.</param>
    /// <param name="configure">Sets runserver's options.</param>
    /// <returns>A builder for the <c>web</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseDjangoDevServer(this ProdServerBuilder builder, string addrport, Func<DjangoDevServerArgs, DjangoDevServerArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(ProdServerBuilder.DefaultProcessName).UseDjangoDevServer(addrport, configure);
    }

    /// <summary>Declares the <c>web</c> process, served by Django's development server on its default 127.0.0.1:8000.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="configure">Sets runserver's options.</param>
    /// <returns>A builder for the <c>web</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseDjangoDevServer(this ProdServerBuilder builder, Func<DjangoDevServerArgs, DjangoDevServerArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(ProdServerBuilder.DefaultProcessName).UseDjangoDevServer(configure);
    }
}
