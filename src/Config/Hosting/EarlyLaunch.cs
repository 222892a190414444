using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// Spawn first: starts the chosen servers from the builder's configuration before the host is built, so that logging,
/// dependency injection, validation and health checks come up while Python imports the app. It only does so when the
/// launch is fully known up front (a plain <c>NAME...</c> run, processes declared with <c>AddProdServer</c> delegates,
/// no release step, no version to check); otherwise the host starts the servers as usual. The supervisor adopts a server
/// started here when its own plan is the same; anything not adopted (validation failed, the plan changed) is killed with
/// its process group when the run ends, so an invalid configuration never leaves a server behind.
/// </summary>
internal sealed class EarlyLaunch : IDisposable
{
    private readonly object _gate = new();
    private readonly List<Started> _started = [];

    private EarlyLaunch()
    {
    }

    /// <summary>Starts the servers a plain run (<paramref name="commandLine"/>) asks for, or returns <see langword="null"/> when the launch is not known yet.</summary>
    public static EarlyLaunch? TryStart(HostApplicationBuilder builder, ProdServerCommandLine commandLine) =>
        commandLine.Plain && TryBuildOptions(builder) is { } options ? Start(options, builder.Environment.ContentRootPath, commandLine.Names) : null;

    /// <summary>
    /// Starts the servers a plain run asks for before any host exists: the options are <paramref name="configure"/>'s
    /// declarations overlaid by <see cref="EarlyConfiguration"/>, as the host will build them from its own configuration.
    /// </summary>
    public static EarlyLaunch? TryStart(Action<ProdServerBuilder> configure, ProdServerCommandLine commandLine, string? contentRoot, string appDirectory)
    {
        if (!commandLine.Plain || EarlyConfiguration.TryRead(contentRoot, appDirectory) is not { } read)
        {
            return null;
        }

        StartupTrace.Mark("configuration");
        ProdServerOptions options;
        try
        {
            options = new ProdServerOptions();
            configure(new ProdServerBuilder(options));
            StartupTrace.Mark("declared");
            // As BindProdServerConfiguration does, with the order the files were read in (no JSON provider to ask).
            ProdServerConfigurationBinder.Bind(read.Configuration.GetSection(ProdServerOptions.SectionName), options, read.WrittenOrder);
        }
#pragma warning disable CA1031 // the host runs the same declarations again and reports what they throw
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        return !options.HasBindingErrors && options.Processes.Count > 0 ? Start(options, read.ContentRoot, commandLine.Names) : null;
    }

    /// <summary>
    /// Kills the servers started early that the host, as now configured, would not have started before anything else:
    /// its options need the container, it has release steps, or the process waits for another one or for a version check.
    /// (A different launch plan is caught when the supervisor adopts: see <see cref="TryAdopt"/>.)
    /// </summary>
    public void Confirm(HostApplicationBuilder builder)
    {
        var options = TryBuildOptions(builder);
        List<Started> refused;
        lock (_gate)
        {
            refused = _started.FindAll(s => options is null || options.ReleaseSteps.Count > 0
                || options.Processes.FirstOrDefault(p => string.Equals(p.Name, s.Plan.ProcessName, StringComparison.OrdinalIgnoreCase)) is not { } process
                || !CanStartEarly(process));
            _started.RemoveAll(refused.Contains);
        }

        Kill(refused);
    }

    private static EarlyLaunch? Start(ProdServerOptions options, string contentRoot, IReadOnlyList<string> names)
    {
        if (options.ReleaseSteps.Count > 0)
        {
            return null;
        }

        StartupTrace.Mark("options");
        IReadOnlyList<ProcessDefinition> selected;
        try
        {
            selected = ProcessSelection.Resolve(options, names);
        }
        catch (UnknownProcessException)
        {
            return null; // the host says so, with the usage exit code
        }

        var launch = new EarlyLaunch();
        foreach (var process in selected.Where(CanStartEarly))
        {
            try
            {
                var plan = LaunchPlanner.Plan(process, contentRoot);
                StartupTrace.Mark("plan");
                if (PortCheck.FindConflict(process) is not null)
                {
                    continue; // the host reports the holder of the port
                }

                StartupTrace.Mark("port-checked");

                var logger = new DeferredLogger();
                launch._started.Add(new(plan, logger, ServerProcess.Start(plan, logger, process.Backend.StopSignalToGroup, options.Logs)));
                StartupTrace.Mark("spawn");
            }
            catch (ServerLaunchException)
            {
                // A missing program or directory: the host's own start reports it in full.
            }
        }

        return launch;
    }

    // Anything the declarations throw is thrown again, with the host's context, when the host builds the options; here
    // it only means the launch is not known early.
    private static ProdServerOptions? TryBuildOptions(HostApplicationBuilder builder)
    {
        try
        {
            return BuildOptions(builder.Services, builder.Configuration);
        }
#pragma warning disable CA1031 // see above: the host reports it
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>
    /// Hands over the server started early with exactly <paramref name="plan"/>, its output going to
    /// <paramref name="logger"/> from now on (what it wrote so far first), or returns <see langword="null"/>.
    /// </summary>
    public ServerProcess? TryAdopt(LaunchPlan plan, ILogger logger)
    {
        Started? match;
        lock (_gate)
        {
            match = _started.Find(s => s.Plan.ProcessName == plan.ProcessName);
            if (match is null)
            {
                return null;
            }

            _started.Remove(match);
        }

        match.Logger.Attach(logger);
        if (!SamePlan(match.Plan, plan))
        {
            // The host's configuration differs from the builder's: start afresh.
            match.Server.Kill();
            return null;
        }

        // Adopted even when it has already exited: the early start was a start, and a failed one counts against
        // StartRetries like any other (the supervisor sees the exit at once).
        return match.Server;
    }

    /// <summary>Kills every server started early that no supervisor adopted, with its process group.</summary>
    public void Dispose()
    {
        List<Started> orphans;
        lock (_gate)
        {
            orphans = [.. _started];
            _started.Clear();
        }

        Kill(orphans);
    }

    private static void Kill(List<Started> orphans)
    {
        foreach (var orphan in orphans)
        {
            // Never adopted (the configuration was refused): its output goes with it, and nothing waits for a logger.
            orphan.Logger.Close();
            orphan.Server.Kill();
            orphan.Server.Exited.Wait(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>
    /// The options as the host will build them, from the <c>AddProdServer</c> delegates and the configuration, or
    /// <see langword="null"/> when that cannot be known before the container exists (options configured through services)
    /// or the configuration does not bind.
    /// </summary>
    internal static ProdServerOptions? BuildOptions(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new ProdServerOptions();
        foreach (var service in services)
        {
            if (service.ServiceType == typeof(IConfigureOptions<ProdServerOptions>))
            {
                switch (service.ImplementationInstance)
                {
                    case IConfigureNamedOptions<ProdServerOptions> named:
                        named.Configure(Options.DefaultName, options);
                        break;
                    case IConfigureOptions<ProdServerOptions> configure:
                        configure.Configure(options);
                        break;
                    default:
                        return null;
                }
            }
            else if (service.ServiceType == typeof(IPostConfigureOptions<ProdServerOptions>)
                && !ReferenceEquals(service, ProdServerServiceCollectionExtensions.ConfigurationBinding))
            {
                return null; // someone else's post-configuration needs the container
            }
        }

        new BindProdServerConfiguration(configuration).PostConfigure(Options.DefaultName, options);
        return !options.HasBindingErrors && options.Processes.Count > 0 ? options : null;
    }

    // A server is started early only when nothing must happen before it: no dependency to wait for, no installed
    // version to ask Python about.
    private static bool CanStartEarly(ProcessDefinition process) =>
        process.DependsOn.Count == 0 && process.Backend.GetVersionRequirements(process).Count == 0;

    private static bool SamePlan(LaunchPlan a, LaunchPlan b) =>
        a.Executable == b.Executable && a.WorkingDirectory == b.WorkingDirectory && a.StopSignal == b.StopSignal
        && a.Arguments.SequenceEqual(b.Arguments) && a.RemovedEnvironment.SequenceEqual(b.RemovedEnvironment)
        && SameVariables(a.Environment, b.Environment) && SameVariables(a.FileEnvironment, b.FileEnvironment);

    private static bool SameVariables(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private sealed record Started(LaunchPlan Plan, DeferredLogger Logger, ServerProcess Server);
}
