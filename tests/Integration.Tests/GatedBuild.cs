using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// Holds the host's build until a file exists (at most a minute), saying "building" on stderr first: the window in which
/// a spawn-first server runs while the host is still being built, made wide enough for a test to act in.
/// </summary>
internal sealed class GatedBuild(string gate) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services) => services;

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
    {
        Console.Error.WriteLine("building");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(gate) && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            Thread.Sleep(20); // polling a condition, bounded above
        }

        return containerBuilder.BuildServiceProvider();
    }
}
