using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// What an app's ProdServer setup would start, computed without a host, without Python and without starting anything:
/// for unit tests of the app's own configuration. The setup goes through exactly the pipeline a running app uses —
/// <c>AddProdServer</c>'s code, then the <c>ProdServer</c> configuration section on top, then the start-up validation and
/// the production rules (PSC####) — so a test sees what <c>--dry-run</c> would print.
/// </summary>
/// <example>
/// <code>
/// var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary&lt;string, string?&gt;
/// {
///     ["ProdServer:Processes:web:Args:Threads"] = "8",
/// }).Build();
/// var plan = ProdServerPlan.Create(o =&gt; Startup.Configure(o), configuration);
/// Assert.Contains("--threads=8", plan.Process("web").Arguments);
/// </code>
/// </example>
public sealed class ProdServerPlan
{
    private readonly ProdServerOptions? _options;
    private readonly string _contentRoot;

    private ProdServerPlan(ProdServerOptions? options, IReadOnlyList<string> problems, IReadOnlyList<string> warnings, string contentRoot)
    {
        _options = options;
        Problems = problems;
        Warnings = warnings;
        _contentRoot = contentRoot;
    }

    /// <summary>
    /// The problems that would stop the start, one line each naming the process and the configuration key, as the app
    /// prints them (<c>Process 'web': Threads must be at least 1, got 0. (ProdServer:Processes:web:Args:Threads)</c>).
    /// Empty when the setup is valid. In the Production environment this includes error-level PSC rules.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// The warnings the app would log at start without stopping it: rule findings, each starting with its ID
    /// (<c>PSC0001: Process 'web': …</c>), and configuration notes.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Whether the app would start: no <see cref="Problems"/>.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The declared process names, in declaration order (empty when the setup is invalid).</summary>
    public IReadOnlyList<string> ProcessNames => _options is null ? [] : [.. _options.Processes.Select(p => p.Name)];

    /// <summary>
    /// Computes the plan of the processes that <paramref name="configure"/> declares, overlaid by the <c>ProdServer</c>
    /// section of <paramref name="configuration"/>, as an app in <paramref name="environmentName"/> would see them.
    /// </summary>
    /// <param name="configure">The app's own <c>AddProdServer</c> delegate; <see langword="null"/> for configuration-only setups.</param>
    /// <param name="configuration">The configuration (in-memory, appsettings files, …); <see langword="null"/> for code only.</param>
    /// <param name="environmentName">The host environment: <c>Production</c> (a host's default), <c>Development</c>, …</param>
    /// <param name="contentRoot">The directory relative paths resolve against; default the current directory, as a host's.</param>
    /// <returns>The plan; never throws for an invalid setup (see <see cref="Problems"/>).</returns>
    public static ProdServerPlan Create(
        Action<ProdServerBuilder>? configure,
        IConfiguration? configuration = null,
        string environmentName = "Production",
        string? contentRoot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentName);
        contentRoot = Path.GetFullPath(contentRoot ?? Directory.GetCurrentDirectory());
        var warnings = new PlanWarnings();
        using var loggers = new LoggerFactory([warnings]);
        var services = new ServiceCollection();
        services.AddSingleton(configuration ?? new ConfigurationBuilder().Build());
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = environmentName,
            ApplicationName = "ProdServerPlan",
            ContentRootPath = contentRoot,
            ContentRootFileProvider = new NullFileProvider(),
        });
        services.AddSingleton<ILoggerFactory>(loggers);
        if (configure is null)
        {
            services.AddProdServer();
        }
        else
        {
            services.AddProdServer(configure);
        }

        using var provider = services.BuildServiceProvider();
        try
        {
            // The options factory runs the same configure → post-configure (configuration over code) → validate chain
            // as ValidateOnStart in a host.
            var options = provider.GetRequiredService<IOptionsFactory<ProdServerOptions>>().Create(Options.DefaultName);
            return new ProdServerPlan(options, [], warnings.Lines, contentRoot);
        }
        catch (OptionsValidationException invalid)
        {
            return new ProdServerPlan(null, [.. invalid.Failures], warnings.Lines, contentRoot);
        }
    }

    /// <summary>The launch of one process: executable, arguments, environment and working directory.</summary>
    /// <param name="name">The process name (case-insensitive, as on the command line).</param>
    /// <returns>
    /// The launch as on a machine where no server is installed: commands are named as configured (<c>waitress-serve</c>,
    /// <c>python3</c>), not searched on this machine's <c>PATH</c>, and nothing is removed from an inherited environment;
    /// so the same test gives the same answer everywhere.
    /// </returns>
    /// <exception cref="InvalidOperationException">The setup is invalid; the message lists the <see cref="Problems"/>.</exception>
    /// <exception cref="KeyNotFoundException">No process has that name; the message lists the declared ones.</exception>
    public ProcessPlan Process(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_options is null)
        {
            throw new InvalidOperationException("The ProdServer configuration is invalid:" + Environment.NewLine + "  " +
                string.Join(Environment.NewLine + "  ", Problems));
        }

        var process = _options.Find(name)
            ?? throw new KeyNotFoundException($"No process '{name}' is declared; declared: {string.Join(", ", ProcessNames)}.");
        var launch = LaunchPlanner.Plan(process, _contentRoot, pathVariable: string.Empty, requireExecutable: false,
            hostEnvironment: new Dictionary<string, string>());
        return new ProcessPlan(process.Name, process.Backend.Name, launch.Executable, launch.Arguments, launch.Environment, launch.WorkingDirectory);
    }
}
