using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Analyzers.CodeFixes;

/// <summary>
/// Fixes PSC0005 (socket permissions → <c>"660"</c>) and PSC0006 (threads → the configured limit) by putting the
/// safe value the analyzer computed (the diagnostic's <c>SafeValue</c> property) in place of the assigned one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetSafeValueCodeFixProvider)), Shared]
public sealed class SetSafeValueCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleRegistry.UnixSocketPermsTooWide.Id, RuleRegistry.TooManyThreads.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ServerArgsAnalyzer.SafeValueKey, out var safe) || safe is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment)
            {
                continue;
            }

            var value = SyntaxFactory.ParseExpression(safe).WithTriviaFrom(assignment.Right);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Set {assignment.Left} = {safe}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(assignment.Right, value))),
                    equivalenceKey: nameof(SetSafeValueCodeFixProvider)),
                diagnostic);
        }
    }
}
