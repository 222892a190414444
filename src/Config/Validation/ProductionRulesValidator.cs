using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// The build-time rules (PSC####, <c>docs/diagnostics/</c>), evaluated again at start on the final, bound options —
/// code, every configuration file, environment variables and the command line. In the Production environment an
/// error-level rule stops the start; everything else is logged with its ID. <c>ProdServer:Rules:PSC0006 = off</c>
/// switches a rule off (and says so in the log); <c>= error</c>/<c>warning</c>/<c>info</c> changes its severity;
/// <c>ProdServer:Rules:MaxThreads</c> is PSC0006's limit.
/// </summary>
internal sealed class ProductionRulesValidator : IValidateOptions<ProdServerOptions>
{
    private readonly string _environmentName;
    private readonly IConfiguration? _configuration;
    private readonly IConfiguration? _rules;
    private readonly ILogger _logger;

    private readonly TimeSpan? _shutdownTimeout;
    private readonly ProdServerRunState? _run;
    private readonly SaidOnce _said = new();

    public ProductionRulesValidator(
        IHostEnvironment? environment, IConfiguration? configuration, ILoggerFactory? loggers, IOptions<HostOptions>? hostOptions = null, ProdServerRunState? run = null)
        : this(environment?.EnvironmentName, configuration, hostOptions?.Value.ShutdownTimeout, loggers, run)
    {
    }

    /// <summary>Without a host: the environment's name and the host's shutdown timeout as they will be.</summary>
    /// <param name="environmentName">The environment; <see langword="null"/>: the host's default, Production.</param>
    /// <param name="configuration">The configuration, for the rule switches and where a setting came from.</param>
    /// <param name="shutdownTimeout">The host's shutdown timeout, or <see langword="null"/> when unknown.</param>
    /// <param name="loggers">Where warnings go; <see langword="null"/>: nowhere.</param>
    /// <param name="run">The command being run.</param>
    internal ProductionRulesValidator(string? environmentName, IConfiguration? configuration, TimeSpan? shutdownTimeout, ILoggerFactory? loggers = null, ProdServerRunState? run = null)
    {
        _run = run;
        _shutdownTimeout = shutdownTimeout;
        _environmentName = environmentName ?? Environments.Production; // no environment is the host's default
        _configuration = configuration;
        _rules = configuration?.GetSection(ProdServerOptions.SectionName + ":" + RuleSwitch.Section);
        _logger = (ILogger?)loggers?.CreateLogger("ProdServer.Rules") ?? NullLogger.Instance;
    }

    public ValidateOptionsResult Validate(string? name, ProdServerOptions options)
    {
        var failures = Failures(options, _run?.Scope ?? ValidationScope.Everything, _logger);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// The error-level findings that stop a start in Production, for the processes in <paramref name="scope"/>; the
    /// others are written to <paramref name="logger"/> (<see cref="NullLogger.Instance"/> to only ask for the failures).
    /// </summary>
    public List<string> Failures(ProdServerOptions options, ValidationScope scope, ILogger logger)
    {
        var inScope = scope.Select(options);
        var isProduction = string.Equals(_environmentName, Environments.Production, StringComparison.OrdinalIgnoreCase);
        var context = new RuleContext
        {
            IsDevelopment = string.Equals(_environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase),
            TargetsWindows = OperatingSystem.IsWindows(),
        };
        if (int.TryParse(_rules?["MaxThreads"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max > 0)
        {
            context.MaxThreads = max;
        }

        var failures = new List<string>();
        var switchedOff = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var process in options.Processes.Where(p => inScope.Contains(p.Name)))
        {
            context.StopTimeoutSeconds = process.StopTimeout?.TotalSeconds;
            foreach (var finding in Evaluate(process, context, _shutdownTimeout))
            {
                if (finding.Rule == RuleRegistry.CeleryUrlPassword && ConfigurationSource.IsEnvironment(_configuration, process, finding.Setting))
                {
                    continue; // already where the rule wants it
                }

                var id = finding.Rule.Id;
                var configured = _rules?[id];
                if (RuleSwitch.IsOff(configured))
                {
                    if (switchedOff.Add(id) && _said.First(id))
                    {
                        RulesLog.SwitchedOff(logger, id, finding.Rule.Title, $"{ProdServerOptions.SectionName}:{RuleSwitch.Section}:{id}");
                    }

                    continue;
                }

                var key = finding.Setting is "App" or "StopTimeout" or "Backend" ? finding.Setting : "Args:" + finding.Setting;
                var text = $"Process '{process.Name}': {finding.Message} ({process.WhereSet(key)}; {finding.Rule.HelpLink})";
                switch (RuleSwitch.Severity(configured) ?? finding.Rule.DefaultSeverity)
                {
                    case RuleSeverity.Error when isProduction:
                        failures.Add($"{id}: {text} To accept it, set {ProdServerOptions.SectionName}:{RuleSwitch.Section}:{id} to off.");
                        break;
                    case RuleSeverity.Error or RuleSeverity.Warning:
                        if (_said.First(text))
                        {
                            RulesLog.Warning(logger, id, text);
                        }

                        break;
                    default:
                        if (_said.First(text))
                        {
                            RulesLog.Information(logger, id, text);
                        }

                        break;
                }
            }
        }

        return failures;
    }

    /// <summary>The findings of every rule on <paramref name="process"/>, as start-up judges it, without the ones a validator enforces.</summary>
    /// <param name="process">The process, bound.</param>
    /// <param name="context">Where it will run.</param>
    /// <param name="shutdownTimeout">The host's shutdown timeout, when known.</param>
    internal static IEnumerable<RuleFinding> Evaluate(ProcessDefinition process, RuleContext context, TimeSpan? shutdownTimeout)
    {
        var settings = ServerArgsSettings.Read(process.Args);
        var findings = RuleRegistry.Run(process.Backend.Name, settings, context);
        RuleRegistry.DevServerInProduction.Check(process.Backend.Name, findings);
        if (shutdownTimeout is { } host && process.StopTimeout is { } stop)
        {
            // Only for a StopTimeout the user chose: a server's default (Gunicorn's 30 s graceful + 5 s) is capped silently, as documented.
            RuleRegistry.StopTimeoutsDoNotNest.CheckHost(stop.TotalSeconds, host.TotalSeconds, findings);
        }

        if (process.App is { } app)
        {
            findings.AddRange(AppTargets.Evaluate(app, process.Backend.Name, RuleBackends.Find(process.Backend.Name), settings));
        }

        // A rule a validator enforces (EnforcedAtStartBy) is refused there, in every environment and in its words: once.
        return findings.FindAll(f => f.Rule.EnforcedAtStartBy is null && !(context.IsDevelopment && f.Rule.Scope == RuleScope.Production));
    }
}
