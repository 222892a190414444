using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// Bridges each backend's rules (and a custom backend's FluentValidation validator) into <see cref="IValidateOptions{TOptions}"/>, so that
/// <c>ValidateOnStart</c> fails the start with one message per problem, each naming the process and the key.
/// </summary>
internal sealed partial class ProdServerOptionsValidator : IValidateOptions<ProdServerOptions>
{
    private readonly ProdServerRunState? _run;
    private readonly string? _contentRoot;

    /// <param name="run">The command being run, whose <see cref="ProdServerRunState.Scope"/> says which processes count; none: every process.</param>
    /// <param name="environment">The host's environment, whose content root relative working directories resolve from; none: not known.</param>
    public ProdServerOptionsValidator(ProdServerRunState? run = null, Microsoft.Extensions.Hosting.IHostEnvironment? environment = null)
    {
        _run = run;
        _contentRoot = environment?.ContentRootPath;
    }

    public ValidateOptionsResult Validate(string? name, ProdServerOptions options)
    {
        var failures = Failures(options, _run?.Scope ?? ValidationScope.Everything, _contentRoot);
        if (_run is { ServerOverrides.Count: > 0 })
        {
            // Values typed after -- that the rules refuse are usage errors, as the binder's own mistakes are.
            var typed = new List<string>(_run.OverrideErrors);
            typed.AddRange(failures.Where(line => failures.IsTyped(line) && !typed.Contains(line)));

            _run.OverrideErrors = typed;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of the section as a whole and of the processes in <paramref name="scope"/>, one line each.</summary>
    /// <remarks>
    /// Plain loops rather than LINQ: on a first start this runs right after the server's fork, beside Python's import
    /// (EarlyLaunch), and LINQ over key-value pairs and tuples is generic code no ReadyToRun image holds, compiled by the
    /// JIT on the spot (~50 methods).
    /// </remarks>
    /// <param name="options">The options.</param>
    /// <param name="scope">The processes that count.</param>
    /// <param name="contentRoot">The content root, from which relative working directories resolve; <see langword="null"/> when not known (Unix sockets are then compared relative to it).</param>
    public static ValidationFailures Failures(ProdServerOptions options, ValidationScope scope, string? contentRoot = null)
    {
        var inScope = scope.Select(options);
        var failures = new ValidationFailures(options.SectionBindingErrors);
        foreach (var errors in options.ProcessBindingErrors)
        {
            if (inScope.Contains(errors.Key))
            {
                failures.AddRange(errors.Value);
            }
        }

        if (options.Processes.Count == 0)
        {
            failures.Add("AddProdServer declares no process: add one in code (o.UseWaitress(\"mysite.wsgi:application\")) or under ProdServer:Processes in configuration.");
        }

        if (options.DefaultProcess is { } defaultName && options.Find(defaultName) is null)
        {
            failures.Add($"ProdServer:Default names process {Quoted.Value(defaultName)}, which is not declared{Suggestions.DidYouMean(defaultName, options.Processes.Select(p => p.Name))}; declared: {string.Join(", ", options.Processes.Select(p => p.Name))}.");
        }

        AddReleaseStepFailures(options.ReleaseSteps, failures);
        foreach (var process in options.Processes)
        {
            if (!inScope.Contains(process.Name))
            {
                continue;
            }

            if (ProcessNameFailure(process) is { } nameFailure)
            {
                failures.Add(nameFailure);
                continue; // every other message would print the name raw
            }

            AddDescribed(process, EnvironmentNameProblems(process.Environment), failures);
            AddDescribed(process, process.Backend.Validate(process), failures);
            AddDescribed(process, PathProblems(process), failures);
            if (SupervisionLimits.ForKey("StopTimeout", time: process.EffectiveStopTimeout) is { } stop)
            {
                failures.Add(process, new("StopTimeout", stop));
            }

            AddDescribed(process, ValidateSupervision(process), failures);
        }

        failures.AddRange(ValidateLogs(options.Logs));
        var named = new List<ProcessDefinition>();
        foreach (var process in options.Processes)
        {
            if (Names.NameProblem(process.Name) is null)
            {
                named.Add(process);
            }
        }

        AddInScope(DependencyCheck.Check(named), inScope, failures);
        AddInScope(CeleryBeatUniqueness.Check(named), inScope, failures);
        if (scope.Together)
        {
            AddInScope(ListenUniqueness.Check(named.FindAll(p => inScope.Contains(p.Name)), contentRoot), inScope, failures);
        }

        return failures;
    }

    private static void AddReleaseStepFailures(IList<ReleaseStep> steps, List<string> failures)
    {
        AddReleaseStepNameFailures(steps, failures);
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            if (Names.NameProblem(step.Name) is not null)
            {
                continue;
            }

            if (step.Command.Count == 0 || string.IsNullOrWhiteSpace(step.Command[0]))
            {
                failures.Add($"Release step '{step.Name}': Command is required, for example [\"manage.py\", \"migrate\", \"--noinput\"] with Python set.");
            }

            foreach (var problem in EnvironmentNameProblems(step.Environment))
            {
                failures.Add($"Release step '{step.Name}': {problem.Message} ({ProdServerOptions.SectionName}:Release:{index}:{problem.Key})");
            }
        }

        foreach (var duplicate in steps.Where(s => Names.NameProblem(s.Name) is null).GroupBy(s => s.Name, System.StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"Release step '{duplicate.Key}' is declared {duplicate.Count()} times; give each step its own name.");
        }
    }

    private static void AddDescribed(ProcessDefinition process, IEnumerable<SettingProblem> problems, ValidationFailures failures)
    {
        foreach (var problem in problems)
        {
            failures.Add(process, problem);
        }
    }

    private static void AddInScope(IEnumerable<ProcessProblem> problems, ISet<string> inScope, ValidationFailures failures)
    {
        foreach (var problem in problems)
        {
            if (inScope.Contains(problem.Process.Name))
            {
                failures.Add(problem.Process, problem.Problem);
            }
        }
    }

    // A NUL can come from configuration but no file system accepts it; say so here rather than fail deep in Path.
    private static List<SettingProblem> PathProblems(ProcessDefinition process)
    {
        var problems = new List<SettingProblem>();
        AddIfNul(problems, "WorkingDirectory", process.WorkingDirectory);
        AddIfNul(problems, "Python", process.Python);
        AddIfNul(problems, "Venv", process.Venv);
        AddIfNul(problems, "ManagePy", process.ManagePy);
        for (var i = 0; i < process.PythonPath.Count; i++)
        {
            AddIfNul(problems, $"PythonPath:{i}", process.PythonPath[i]);
        }

        for (var i = 0; i < process.EnvFiles.Count; i++)
        {
            AddIfNul(problems, $"EnvFile:{i}", process.EnvFiles[i]);
        }

        return problems;

        static void AddIfNul(List<SettingProblem> problems, string key, string? value)
        {
            if (value is not null && value.Contains('\0', System.StringComparison.Ordinal))
            {
                problems.Add(new SettingProblem(key, $"{key.Split(':')[0]} must not contain a NUL character."));
            }
        }
    }
}
