using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// Bridges each backend's FluentValidation rules into <see cref="IValidateOptions{TOptions}"/>, so that
/// <c>ValidateOnStart</c> fails the start with one message per problem, each naming the process and the key.
/// </summary>
internal sealed partial class ProdServerOptionsValidator : IValidateOptions<ProdServerOptions>
{
    private readonly ProdServerRunState? _run;

    /// <param name="run">The command being run, whose <see cref="ProdServerRunState.Scope"/> says which processes count; none: every process.</param>
    public ProdServerOptionsValidator(ProdServerRunState? run = null) => _run = run;

    public ValidateOptionsResult Validate(string? name, ProdServerOptions options)
    {
        var failures = Failures(options, _run?.Scope ?? ValidationScope.Everything);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of the section as a whole and of the processes in <paramref name="scope"/>, one line each.</summary>
    public static List<string> Failures(ProdServerOptions options, ValidationScope scope)
    {
        var inScope = scope.Select(options);
        var failures = new List<string>(options.SectionBindingErrors);
        failures.AddRange(options.ProcessBindingErrors.Where(p => inScope.Contains(p.Key)).SelectMany(p => p.Value));
        if (options.Processes.Count == 0)
        {
            failures.Add("AddProdServer declares no process: add one in code (o.UseWaitress(\"mysite.wsgi:application\")) or under ProdServer:Processes in configuration.");
        }

        if (options.DefaultProcess is { } defaultName && options.Find(defaultName) is null)
        {
            failures.Add($"ProdServer:Default names process '{defaultName}', which is not declared; declared: {string.Join(", ", options.Processes.Select(p => p.Name))}.");
        }

        failures.AddRange(ReleaseStepNameFailures(options.ReleaseSteps));
        foreach (var (step, index) in options.ReleaseSteps.Select((s, i) => (s, i)).Where(s => Names.NameProblem(s.s.Name) is null))
        {
            if (step.Command.Count == 0 || string.IsNullOrWhiteSpace(step.Command[0]))
            {
                failures.Add($"Release step '{step.Name}': Command is required, for example [\"manage.py\", \"migrate\", \"--noinput\"] with Python set.");
            }

            failures.AddRange(EnvironmentNameProblems(step.Environment).Select(p =>
                $"Release step '{step.Name}': {p.Message} ({ProdServerOptions.SectionName}:Release:{index}:{p.Key})"));
        }

        foreach (var duplicate in options.ReleaseSteps.Where(s => Names.NameProblem(s.Name) is null).GroupBy(s => s.Name, System.StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"Release step '{duplicate.Key}' is declared {duplicate.Count()} times; give each step its own name.");
        }

        foreach (var process in options.Processes.Where(p => inScope.Contains(p.Name)))
        {
            if (ProcessNameFailure(process) is { } nameFailure)
            {
                failures.Add(nameFailure);
                continue; // every other message would print the name raw
            }

            failures.AddRange(EnvironmentNameProblems(process.Environment).Select(p => Describe(process, p)));
            failures.AddRange(process.Backend.Validate(process).Select(p => Describe(process, p)));
            failures.AddRange(PathProblems(process).Select(p => Describe(process, p)));
            if (process.EffectiveStopTimeout <= System.TimeSpan.Zero)
            {
                failures.Add(Describe(process, new("StopTimeout", $"StopTimeout must be positive, got {process.EffectiveStopTimeout}.")));
            }

            failures.AddRange(ValidateSupervision(process).Select(p => Describe(process, p)));
        }

        failures.AddRange(ValidateLogs(options.Logs));
        var named = options.Processes.Where(p => Names.NameProblem(p.Name) is null).ToList();
        failures.AddRange(DependencyCheck.Check(named).Where(d => inScope.Contains(d.Process.Name)).Select(d => Describe(d.Process, d.Problem)));
        failures.AddRange(CeleryBeatUniqueness.Check(named).Where(d => inScope.Contains(d.Process.Name)).Select(d => Describe(d.Process, d.Problem)));
        return failures;
    }

    // A NUL can come from configuration but no file system accepts it; say so here rather than fail deep in Path.
    private static IEnumerable<SettingProblem> PathProblems(ProcessDefinition process)
    {
        var paths = new List<(string Key, string? Value)>
        {
            ("WorkingDirectory", process.WorkingDirectory), ("Python", process.Python), ("Venv", process.Venv), ("ManagePy", process.ManagePy),
        };
        paths.AddRange(process.PythonPath.Select((p, i) => ($"PythonPath:{i}", (string?)p)));
        paths.AddRange(process.EnvFiles.Select((p, i) => ($"EnvFile:{i}", (string?)p)));
        return paths
            .Where(p => p.Value is not null && p.Value.Contains('\0'))
            .Select(p => new SettingProblem(p.Key, $"{p.Key.Split(':')[0]} must not contain a NUL character."));
    }

    // "Args:Listen[1]" (FluentValidation) → "ProdServer:Processes:web:Args:Listen:1" (configuration).
    private static string Describe(ProcessDefinition process, SettingProblem problem)
    {
        var key = problem.Key.Replace("[", ":").Replace("]", string.Empty);
        return $"Process '{process.Name}': {problem.Message} ({ProdServerOptions.SectionName}:Processes:{process.Name}:{key})";
    }
}
