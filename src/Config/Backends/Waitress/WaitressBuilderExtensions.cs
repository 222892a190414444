using System;

namespace ProdServer.Config;

/// <summary>Declares processes served by Waitress.</summary>
public static class WaitressBuilderExtensions
{
    /// <summary>Runs this process with Waitress: <c>waitress-serve [options] module:object</c>.</summary>
    /// <param name="process">The process builder.</param>
    /// <param name="app">The WSGI application target, for example <c>mysite.wsgi:application</c>.</param>
    /// <param name="configure">Sets waitress's options, typically <c>w =&gt; w with { Port = 8000 }</c>.</param>
    /// <returns>The process builder, so that additional calls can be chained.</returns>
    public static ProcessBuilder UseWaitress(this ProcessBuilder process, string app, Func<WaitressArgs, WaitressArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Use(ServerBackends.Waitress, app, configure);
    }

    /// <summary>Declares the <c>web</c> process, served by Waitress.</summary>
    /// <param name="builder">The ProdServer builder.</param>
    /// <param name="app">The WSGI application target, for example <c>mysite.wsgi:application</c>.</param>
    /// <param name="configure">Sets waitress's options, typically <c>w =&gt; w with { Port = 8000 }</c>.</param>
    /// <returns>A builder for the <c>web</c> process, to set its working directory, interpreter or environment.</returns>
    public static ProcessBuilder UseWaitress(this ProdServerBuilder builder, string app, Func<WaitressArgs, WaitressArgs>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Process(ProdServerBuilder.DefaultProcessName).UseWaitress(app, configure);
    }
}
