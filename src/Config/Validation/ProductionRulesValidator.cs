using System;
using System.Collections.Generic;
using System.Globalization;
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
    // Enforced by the backend validators with their own wording, in every environment; reported once, there.
    private static readonly HashSet<string> CheckedByValidators =
        [RuleIdentifiers.ConflictingBindSettings, RuleIdentifiers.AppTargetNotModuleObject, RuleIdentifiers.GunicornDaemon, RuleIdentifiers.CeleryBeatTwice];

    private readonly IHostEnvironment? _environment;
    private readonly IConfiguration? _rules;
    private readonly ILogger _logger;

    public ProductionRulesValidator(IHostEnvironment? environment, IConfiguration? configuration, ILoggerFactory? loggers)
    {
        _environment = environment;
        _rules = configuration?.GetSection(ProdServerOptions.SectionName + ":" + RuleSwitch.Section);
        _logger = (ILogger?)loggers?.CreateLogger("ProdServer.Rules") ?? NullLogger.Instance;
    }

    public ValidateOptionsResult Validate(string? name, ProdServerOptions options)
    {
        // No environment is the host's default: Production.
        var environment = _environment?.EnvironmentName ?? Environments.Production;
        var isProduction = string.Equals(environment, Environments.Production, StringComparison.OrdinalIgnoreCase);
        var context = new RuleContext
        {
            IsDevelopment = string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase),
            TargetsWindows = OperatingSystem.IsWindows(),
        };
        if (int.TryParse(_rules?["MaxThreads"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max > 0)
        {
            context.MaxThreads = max;
        }

        var failures = new List<string>();
        var switchedOff = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var process in options.Processes)
        {
            foreach (var finding in Evaluate(process, context))
            {
                var id = finding.Rule.Id;
                var configured = _rules?[id];
                if (RuleSwitch.IsOff(configured))
                {
                    if (switchedOff.Add(id))
                    {
                        RulesLog.SwitchedOff(_logger, id, finding.Rule.Title, $"{ProdServerOptions.SectionName}:{RuleSwitch.Section}:{id}");
                    }

                    continue;
                }

                var key = finding.Setting == "App" ? "App" : "Args:" + finding.Setting;
                var text = $"Process '{process.Name}': {finding.Message} ({ProdServerOptions.SectionName}:Processes:{process.Name}:{key}; {finding.Rule.HelpLink})";
                switch (RuleSwitch.Severity(configured) ?? finding.Rule.DefaultSeverity)
                {
                    case RuleSeverity.Error when isProduction:
                        failures.Add($"{id}: {text} To accept it, set {ProdServerOptions.SectionName}:{RuleSwitch.Section}:{id} to off.");
                        break;
                    case RuleSeverity.Error or RuleSeverity.Warning:
                        RulesLog.Warning(_logger, id, text);
                        break;
                    default:
                        RulesLog.Information(_logger, id, text);
                        break;
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<RuleFinding> Evaluate(ProcessDefinition process, RuleContext context)
    {
        var set = SettingRuleSets.FindByBackend(process.Backend.Name);
        var findings = set?.Run(ServerArgsSettings.Read(process.Args), context) ?? [];
        if (process.App is { } app)
        {
            findings.AddRange(AppTargets.Evaluate(app, process.Backend.Name, set?.AppInterface));
        }

        return findings.FindAll(f => !CheckedByValidators.Contains(f.Rule.Id) && !(context.IsDevelopment && f.Rule.Scope == RuleScope.Production));
    }
}
