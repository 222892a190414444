using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>Resolves <see cref="ProdServerOptions"/> the way the host does: code configuration, then the configuration overlay, then validation.</summary>
internal static class Options
{
    public static ProdServerOptions Resolve(Action<ProdServerBuilder>? code = null, Action<IConfigurationBuilder>? configuration = null)
    {
        var builder = new ConfigurationBuilder();
        configuration?.Invoke(builder);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(builder.Build());
        if (code is null)
        {
            services.AddProdServer();
        }
        else
        {
            services.AddProdServer(code);
        }

        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ProdServerOptions>>().Value;
    }

    public static ProdServerOptions Resolve(Action<ProdServerBuilder>? code, IDictionary<string, string?> settings) =>
        Resolve(code, c => c.AddInMemoryCollection(settings));

    public static ProdServerOptions FromJson(string json, Action<ProdServerBuilder>? code = null) =>
        Resolve(code, c => c.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))));

    /// <summary>The failures of a resolve that must not validate.</summary>
    public static IReadOnlyList<string> Failures(Action<ProdServerBuilder>? code = null, IDictionary<string, string?>? settings = null)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(code, settings ?? new Dictionary<string, string?>()));
        return ex.Failures.ToList();
    }

    /// <summary>The one failure of a resolve with exactly one problem.</summary>
    public static string SingleFailure(Action<ProdServerBuilder>? code = null, IDictionary<string, string?>? settings = null) =>
        Assert.Single(Failures(code, settings));

    public static WaitressArgs Waitress(this ProdServerOptions options, string process = "web") =>
        Assert.IsType<WaitressArgs>(options.Find(process)?.Args);
}
