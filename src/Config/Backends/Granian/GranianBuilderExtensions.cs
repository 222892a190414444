using System;

namespace ProdServer.Config;

/// <summary>Declares processes served by Granian, for an ASGI app or a WSGI app.</summary>
public static class GranianBuilderExtensions
{
    /// <summary>Runs this process with Granian serving an ASGI app: <c>granian --interface=asgi [options] module:object</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The ASGI application target, for example <c>mysite.asgi:application</c>.</param>
    /// <param name="configure">Sets granian's options, typically <c>g =&gt; g with { Host = "127.0.0.1", Port = 8000 }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseGranian(this ProcessBuilder process, string app, Func<GranianArgs, GranianArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.Granian, app, configure);
    }

    /// <summary>Declares the <c>web</c> process, served by Granian with an ASGI app.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The ASGI application target, for example <c>mysite.asgi:application</c>.</param>
    /// <param name="configure">Sets granian's options.</param>
    /// <returns>A builder for the <c>web</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseGranian(this ProdServerBuilder builder, string app, Func<GranianArgs, GranianArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(ProdServerBuilder.DefaultProcessName).UseGranian(app, configure);
    }

    /// <summary>Runs this process with Granian serving a WSGI app: <c>granian --interface=wsgi [options] module:object</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The WSGI application target, for example <c>mysite.wsgi:application</c>.</param>
    /// <param name="configure">Sets granian's options.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseGranianWsgi(this ProcessBuilder process, string app, Func<GranianArgs, GranianArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.GranianWsgi, app, configure);
    }

    /// <summary>Declares the <c>web</c> process, served by Granian with a WSGI app.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The WSGI application target, for example <c>mysite.wsgi:application</c>.</param>
    /// <param name="configure">Sets granian's options.</param>
    /// <returns>A builder for the <c>web</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseGranianWsgi(this ProdServerBuilder builder, string app, Func<GranianArgs, GranianArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(ProdServerBuilder.DefaultProcessName).UseGranianWsgi(app, configure);
    }
}
