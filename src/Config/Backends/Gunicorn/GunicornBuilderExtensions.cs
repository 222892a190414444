using System;

namespace ProdServer.Config;

/// <summary>Declares processes served by Gunicorn.</summary>
public static class GunicornBuilderExtensions
{
    /// <summary>Runs this process with Gunicorn: <c>gunicorn [options] module:object</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The WSGI application target, for example <c>mysite.wsgi:application</c>.</param>
    /// <param name="configure">Sets gunicorn's options, typically <c>g =&gt; g with { Bind = ["127.0.0.1:8000"], Workers = 4 }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseGunicorn(this ProcessBuilder process, string app, Func<GunicornArgs, GunicornArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.Gunicorn, app, configure);
    }

    /// <summary>Declares the <c>web</c> process, served by Gunicorn.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The WSGI application target, for example <c>mysite.wsgi:application</c>.</param>
    /// <param name="configure">Sets gunicorn's options, typically <c>g =&gt; g with { Bind = ["127.0.0.1:8000"], Workers = 4 }</c>.</param>
    /// <returns>A builder for the <c>web</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseGunicorn(this ProdServerBuilder builder, string app, Func<GunicornArgs, GunicornArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(ProdServerBuilder.DefaultProcessName).UseGunicorn(app, configure);
    }
}
