using System;

namespace ProdServer.Config;

/// <summary>Declares processes served by Uvicorn, for an ASGI app or (with <c>--interface=wsgi</c>) a WSGI app.</summary>
public static class UvicornBuilderExtensions
{
    /// <summary>Runs this process with Uvicorn serving an ASGI app: <c>python -m uvicorn module:object [options]</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The ASGI application target, for example <c>mysite.asgi:application</c>.</param>
    /// <param name="configure">Sets uvicorn's options, typically <c>u =&gt; u with { Host = "127.0.0.1", Port = 8000 }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseUvicorn(this ProcessBuilder process, string app, Func<UvicornArgs, UvicornArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.Uvicorn, app, configure);
    }

    /// <summary>Declares the <c>web</c> process, served by Uvicorn with an ASGI app.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The ASGI application target, for example <c>mysite.asgi:application</c>.</param>
    /// <param name="configure">Sets uvicorn's options.</param>
    /// <returns>A builder for the <c>web</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseUvicorn(this ProdServerBuilder builder, string app, Func<UvicornArgs, UvicornArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(ProdServerBuilder.DefaultProcessName).UseUvicorn(app, configure);
    }

    /// <summary>Runs this process with Uvicorn serving a WSGI app: <c>python -m uvicorn module:object --interface=wsgi [options]</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The WSGI application target, for example <c>mysite.wsgi:application</c>.</param>
    /// <param name="configure">Sets uvicorn's options.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseUvicornWsgi(this ProcessBuilder process, string app, Func<UvicornArgs, UvicornArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.UvicornWsgi, app, configure);
    }

    /// <summary>Declares the <c>web</c> process, served by Uvicorn with a WSGI app.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The WSGI application target, for example <c>mysite.wsgi:application</c>.</param>
    /// <param name="configure">Sets uvicorn's options.</param>
    /// <returns>A builder for the <c>web</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseUvicornWsgi(this ProdServerBuilder builder, string app, Func<UvicornArgs, UvicornArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(ProdServerBuilder.DefaultProcessName).UseUvicornWsgi(app, configure);
    }
}
