using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// PSC0117: a constant given to a process's supervision settings in C# that start-up's validation refuses
/// (<c>.Replicas(0)</c>, <c>.StopTimeout(TimeSpan.Zero)</c>, <c>.Readiness("healthz")</c>, <c>.Resources(cpu: "lots")</c>).
/// The limits and the words are <see cref="SupervisionLimits"/>', which the validator applies, as PSC0115 does for the
/// same settings in appsettings*.json.
/// </summary>
public sealed partial class ProdServerBuilderAnalyzer
{
    /// <summary>The PSC0117 descriptor.</summary>
    internal static DiagnosticDescriptor LimitsDescriptor { get; } = AppSettingsShapeDescriptors.Create(
        "PSC0117",
        "Constant is outside start-up's limits",
        "{0}; start-up would refuse it",
        "The start-up validation refuses a supervision setting outside its limits, so the app would not start.");

    // Each constant argument of a ProcessBuilder call, against its limit.
    private static void AnalyzeLimits(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter is not null))
        {
            if (LimitProblem(invocation.TargetMethod.Name, argument.Parameter!.Name, argument.Value) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(LimitsDescriptor, argument.Syntax.GetLocation(), DiagnosticText.Escaped(problem.TrimEnd('.'))));
            }
        }
    }

    // The limit of one argument of one builder method, when the argument is a constant: the limit of the setting it sets.
    // The value is resolved once (a local followed to its value) and then read as each kind a setting may take.
    private static string? LimitProblem(string method, string parameter, IOperation value) =>
        SettingKey(method, parameter) is { } key && ConstantSettings.Resolve(value) is var constant
            ? SupervisionLimits.ForKey(key, Time(constant), Integer(constant), Text(constant))
            : null;

    // The setting each limited builder argument sets, by the key start-up names it with.
    private static string? SettingKey(string method, string parameter) => (method, parameter) switch
    {
        ("StopTimeout", "timeout") => "StopTimeout",
        ("StartSeconds", "time") => "StartSeconds",
        ("RestartDelay", "initial") => "RestartDelay",
        ("RestartDelay", "max") => "RestartMaxDelay",
        ("Restart", "startRetries") => "StartRetries",
        ("Replicas", "copies") => "Replicas",
        ("Readiness", "path") => "Readiness:Path",
        ("Readiness", "status") => "Readiness:Status",
        ("Readiness", "timeout") => "Readiness:Timeout",
        ("Resources", "cpu") => "Resources:Cpu",
        ("Resources", "memory") => "Resources:Memory",
        _ => null,
    };

    private static int? Integer(IOperation value) =>
        ConstantSettings.Resolve(value).ConstantValue is { HasValue: true, Value: int number } ? number : null;

    private static string? Text(IOperation value) =>
        ConstantSettings.Resolve(value).ConstantValue is { HasValue: true, Value: string text } ? text : null;

    // A TimeSpan written as a constant: TimeSpan.Zero, TimeSpan.FromSeconds(-1) (and the other From… of one number), or
    // new TimeSpan(h, m, s) / new TimeSpan(d, h, m, s) of constants. Anything else is not guessed.
    private static TimeSpan? Time(IOperation value)
    {
        value = ConstantSettings.Resolve(value);
        if (value is IFieldReferenceOperation { Field: { Name: "Zero" } field } && IsTimeSpan(field.ContainingType))
        {
            return TimeSpan.Zero;
        }

        if (value is IInvocationOperation { TargetMethod: { IsStatic: true } method, Arguments.Length: 1 } from && IsTimeSpan(method.ContainingType)
            && ConstantSettings.Number(from.Arguments[0].Value) is { } amount && Math.Abs(amount) < 1e9)
        {
            return method.Name switch
            {
                "FromDays" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerDay)),
                "FromHours" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerHour)),
                "FromMinutes" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerMinute)),
                "FromSeconds" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerSecond)),
                "FromMilliseconds" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerMillisecond)),
                _ => null,
            };
        }

        if (value is IObjectCreationOperation { Constructor: { } constructor, Arguments: { Length: 3 or 4 } parts } && IsTimeSpan(constructor.ContainingType)
            && parts.Select(p => Integer(p.Value)).ToList() is var numbers && numbers.All(n => n is not null))
        {
            try
            {
                return numbers.Count == 3
                    ? new TimeSpan(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value)
                    : new TimeSpan(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null; // the compiled code throws there itself, before any of ours runs
            }
        }

        return null;
    }

    private static bool IsTimeSpan(ITypeSymbol? type) =>
        type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
