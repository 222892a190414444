using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// The options as code and configuration declare them, built as <c>OptionsFactory</c> builds them but without its
/// validation: for a command that only needs a value from them (where the control socket is, which app a process
/// serves) and must neither fail on nor repeat the start-up checks' findings.
/// </summary>
internal static class UnvalidatedOptions
{
    /// <summary>Runs every configure and post-configure step of <see cref="ProdServerOptions"/> on a new instance.</summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The options, not validated.</returns>
    public static ProdServerOptions Of(IServiceProvider services)
    {
        var options = DeclaredInCode(services);
        foreach (var postConfigure in services.GetServices<IPostConfigureOptions<ProdServerOptions>>())
        {
            postConfigure.PostConfigure(Options.DefaultName, options);
        }

        return options;
    }

    /// <summary>
    /// Runs every configure step of <see cref="ProdServerOptions"/> on a new instance, and no post-configure step: the
    /// processes as the app's code declares them, before configuration is laid over them.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The options as code declares them.</returns>
    public static ProdServerOptions DeclaredInCode(IServiceProvider services)
    {
        var options = new ProdServerOptions();
        foreach (var configure in services.GetServices<IConfigureOptions<ProdServerOptions>>())
        {
            if (configure is IConfigureNamedOptions<ProdServerOptions> named)
            {
                named.Configure(Options.DefaultName, options);
            }
            else
            {
                configure.Configure(options);
            }
        }

        return options;
    }
}
