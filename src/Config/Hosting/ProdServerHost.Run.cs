using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config;

namespace Microsoft.Extensions.Hosting;

/// <summary>The whole entry point in one call, with the server spawned before the host exists.</summary>
public static partial class ProdServerHost
{
    /// <summary>
    /// Runs the processes <paramref name="configure"/> declares, as <c>Host.CreateApplicationBuilder(args)</c>,
    /// <c>Services.AddProdServer(configure)</c> and <c>RunProdServerAsync(args)</c> would, but spawns the server first,
    /// before the host is even created: for a plain run (<c>app web</c>) the launch is planned from
    /// <paramref name="configure"/>, appsettings.json, appsettings.{Environment}.json and the environment variables
    /// alone, so Python starts importing the app while the runtime builds the host. The host then reads its own
    /// configuration, runs the full validation and adopts the server only if it plans exactly the same launch; an invalid
    /// configuration kills the early server and exits 1, as with <c>RunProdServerAsync</c>. Every other command
    /// (<c>--dry-run</c>, <c>--list</c>, <c>export</c>, …) runs as usual, starting nothing early. The configuration
    /// files are read at start and on <c>reload</c>, and not watched for changes (docs/operations.md#reload).
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="configure">Declares the processes, for example <c>o =&gt; o.UseWaitress("mysite.wsgi:application")</c>.</param>
    /// <param name="configureHost">Adds the app's own services, logging or configuration to the host's builder, after
    /// <c>AddProdServer</c>; <see langword="null"/> for none. Anything that changes the launch here is seen by the host
    /// (a server started early with another launch is replaced).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code: 0 ok, 1 invalid configuration or failed start, 2 usage error, else the server's own code.</returns>
    public static Task<int> RunAsync(
        string[] args, Action<ProdServerBuilder> configure, Action<HostApplicationBuilder>? configureHost = null, CancellationToken cancellationToken = default) =>
        RunAsync(args, configure, configureHost, null, AppContext.BaseDirectory, LaunchPlanCache.DefaultDirectory, null, null, cancellationToken);

    // How long a launch validated before the host lets its servers start alone before the host is built (EarlyLaunch.WaitUntilServing).
    private static readonly TimeSpan ServerFirstBound = TimeSpan.FromSeconds(3);

    /// <summary>
    /// As the public overload, with the content root (<see langword="null"/>: the host's default), the program's directory,
    /// where launch plans are cached (<see cref="LaunchPlanCache"/>; <see langword="null"/>: not at all) and the streams given (for tests;
    /// <see langword="null"/>: the console's, looked up only once the servers are started — <see cref="Console.Out"/>'s first use
    /// costs ~20 ms of start-up under JIT, which the early spawn should not wait for).
    /// </summary>
    internal static async Task<int> RunAsync(
        string[] args, Action<ProdServerBuilder> configure, Action<HostApplicationBuilder>? configureHost, string? contentRoot, string appDirectory,
        Func<string?> planCacheDirectory, TextWriter? output, TextWriter? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configure);
        StartupTrace.Mark("main");
        var commandLine = ProdServerCommandLine.Parse(args);
        StartupTrace.Mark("parsed");

        // Held from before the spawn: a stop while the host is still being built stops the server gracefully.
        var stopSignals = commandLine.Plain ? EarlyStopSignals.Register() : null;
        StartupTrace.Mark("signals");
        var cache = commandLine.Plain ? LaunchPlanCache.Find(args, configure, contentRoot, appDirectory, planCacheDirectory()) : null;
        StartupTrace.Mark("plan-cache");
        var early = EarlyLaunch.TryStart(configure, commandLine, contentRoot, appDirectory, cache);
        if (early?.WaitUntilServing(ServerFirstBound, () => stopSignals?.StopRequested == true) == true)
        {
            StartupTrace.Mark("servers-loaded");
        }

        // Before the host is built, whose console logger takes Console.Out once: a run's reader gone is then seen.
        using var watched = output is null ? WatchedStandardOutput.ForRun(commandLine) : null;
        output ??= Console.Out;
        error ??= Console.Error;
        HostApplicationBuilder? builder;
        try
        {
            builder = TryCreateApplicationBuilder(LauncherBuilderSettings.Create(args, contentRoot), error);
            if (builder is not null)
            {
                builder.Services.AddProdServer(configure);
                configureHost?.Invoke(builder);
                AppSettingsFromAppDirectory.Apply(builder, appDirectory);
                CommandLineOverrides.AddTo(builder.Configuration, args);
                early?.Confirm(builder);
            }
        }
        catch
        {
            early?.Dispose();
            stopSignals?.Dispose();
            throw;
        }

        if (builder is null && commandLine.Control)
        {
            // status, reload, …: a file half-edited for a reload must not keep the running host out of reach. Asked again
            // without the files; the socket then comes from the environment, the command line or its default place.
            builder = WithoutConfigurationFiles(args, contentRoot);
            await error.WriteLineAsync("(the control socket is looked for without the configuration files: give --ProdServer:Control:Socket=PATH if they set it)").ConfigureAwait(false);
            builder.Services.AddProdServer(configure);
            CommandLineOverrides.AddTo(builder.Configuration, args);
        }

        if (builder is null)
        {
            early?.Dispose(); // the host cannot read its configuration: nothing stays started
            stopSignals?.Dispose();
            return ExitCodes.InvalidConfiguration;
        }

        // Declined early (user secrets, a declaration that needs the builder): spawn first from the builder, as before.
        early ??= EarlyLaunch.TryStart(builder, commandLine);
        return await ProdServerHostExtensions.RunAsync(builder, commandLine, early, stopSignals, output, error, cancellationToken).ConfigureAwait(false);
    }

    // The launcher's builder with the environment and the command line but no appsettings*.json (a client command's way
    // past a malformed file).
    private static HostApplicationBuilder WithoutConfigurationFiles(string[] args, string? contentRoot)
    {
        var settings = LauncherBuilderSettings.Create(args, contentRoot);
        settings.DisableDefaults = true;
        settings.Configuration!.AddEnvironmentVariables();
        return Host.CreateApplicationBuilder(settings);
    }
}
