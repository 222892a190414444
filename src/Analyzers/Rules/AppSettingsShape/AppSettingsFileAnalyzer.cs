using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// PSC0120: an appsettings*.json that <c>Microsoft.Extensions.Configuration.Json</c> refuses, reported at the line and
/// column where its reader stops (<see cref="ConfigurationFile"/>). The other appsettings checks skip a file they cannot
/// read; without this one a build passed a file on which every command of the app then exits 1. Any settings file counts,
/// with or without a <c>ProdServer</c> section: the host loads the whole file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [AppSettingsShapeDescriptors.RefusedFile];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // Only an app built on ProdServer.Config is started by its host; other projects' settings files are not ours to judge.
            if (UseCalls.Of(start.Compilation) is null || !AppSettingsAnalyzer.HasAppSettings(start.Options))
            {
                return;
            }

            start.RegisterAdditionalFileAction(static c => Analyze(c.AdditionalFile, c.ReportDiagnostic, c.CancellationToken));
        });
    }

    private static void Analyze(AdditionalText file, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        if (!AppSettingsAnalyzer.IsAppSettings(file.Path) || file.GetText(cancellationToken) is not { } text
            || ConfigurationFile.Problem(text.ToString()) is not { } problem)
        {
            return;
        }

        var reason = problem.First is { } first
            ? $"{problem.Reason}, first at line {text.Lines.GetLinePosition(first.Start).Line + 1}"
            : problem.Reason;
        report(Diagnostic.Create(
            AppSettingsShapeDescriptors.RefusedFile,
            At(file.Path, text, problem.Start, problem.End),
            additionalLocations: problem.First is { } at ? new[] { At(file.Path, text, at.Start, at.End) } : null,
            DiagnosticText.OneLine([Path.GetFileName(file.Path), reason])));
    }

    private static Location At(string path, SourceText text, int start, int end)
    {
        var span = TextSpan.FromBounds(start, end);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
