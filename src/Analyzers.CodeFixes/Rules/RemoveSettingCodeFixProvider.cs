using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Analyzers.CodeFixes;

/// <summary>
/// Fixes PSC0001 (<c>ExposeTracebacks = true</c>), PSC0010 (a deprecated setting such as <c>SendBytes</c>), the reload
/// rules (PSC0201, PSC0301, PSC0401) and PSC0202 (gunicorn's <c>Daemon = true</c>) by removing the member from its
/// initializer, so the server falls back to its default (off). An initializer left empty goes
/// too: <c>args with { }</c> becomes <c>args</c> and <c>new WaitressArgs { }</c> becomes <c>new WaitressArgs()</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSettingCodeFixProvider)), Shared]
public sealed class RemoveSettingCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(
            RuleRegistry.ExposeTracebacksInProduction.Id, RuleRegistry.DeprecatedSetting.Id, RuleRegistry.GunicornReloadInProduction.Id,
            RuleRegistry.GunicornDaemon.Id, RuleRegistry.UvicornReloadInProduction.Id, RuleRegistry.GranianReloadInProduction.Id);

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
            // Only initializer members can be removed; an assignment elsewhere (a constructor of the record itself)
            // is left for the user to rework.
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { Parent: InitializerExpressionSyntax } assignment)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove " + assignment,
                    ct => RemoveAsync(context.Document, assignment, ct),
                    equivalenceKey: nameof(RemoveSettingCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || assignment.Parent is not InitializerExpressionSyntax initializer)
        {
            return document;
        }

        var expressions = RemoveMember(initializer.Expressions, assignment);
        if (expressions.Count > 0)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(initializer, initializer.WithExpressions(expressions)));
        }

        SyntaxNode owner = initializer.Parent!;
        if (owner is WithExpressionSyntax { Parent: ParenthesizedExpressionSyntax parenthesized, Expression: var operand } && IsPrimary(operand))
        {
            // (x with { }) goes whole: left as (x), "(x) with { … }" would read as a cast of "with" to type x.
            return document.WithSyntaxRoot(root.ReplaceNode(parenthesized, operand.WithTriviaFrom(parenthesized)));
        }

        SyntaxNode? replacement = owner switch
        {
            // x with { } is x.
            WithExpressionSyntax with => with.Expression.WithTriviaFrom(with),

            // new T { } is new T(); the trivia before '{' (a space or a line break) would be left dangling.
            ObjectCreationExpressionSyntax creation => creation
                .WithType(creation.ArgumentList is null ? creation.Type.WithoutTrailingTrivia() : creation.Type)
                .WithArgumentList(creation.ArgumentList ?? SyntaxFactory.ArgumentList())
                .WithInitializer(null)
                .WithTrailingTrivia(creation.GetTrailingTrivia()),
            ImplicitObjectCreationExpressionSyntax creation => creation
                .WithInitializer(null)
                .WithTrailingTrivia(creation.GetTrailingTrivia()),
            _ => null,
        };

        return replacement is null
            ? document.WithSyntaxRoot(root.ReplaceNode(initializer, initializer.WithExpressions(expressions)))
            : document.WithSyntaxRoot(root.ReplaceNode(owner, replacement));
    }

    /// <summary>Whether <paramref name="expression"/> binds at least as tightly as anything it can be put next to.</summary>
    private static bool IsPrimary(ExpressionSyntax expression) => expression is NameSyntax
        or MemberAccessExpressionSyntax
        or InvocationExpressionSyntax
        or ElementAccessExpressionSyntax
        or ThisExpressionSyntax
        or ParenthesizedExpressionSyntax;

    /// <summary>
    /// Removes <paramref name="member"/> and one comma. A member followed by a comma takes that comma (and the rest of
    /// its line) with it. The last member takes the comma before it instead, and the member before it keeps that
    /// comma's trailing trivia, so <c>{ A = 1, B = 2 }</c> becomes <c>{ A = 1 }</c>, not <c>{ A = 1}</c>, and a
    /// line break or comment after <c>A = 1,</c> survives.
    /// </summary>
    internal static SeparatedSyntaxList<ExpressionSyntax> RemoveMember(SeparatedSyntaxList<ExpressionSyntax> members, ExpressionSyntax member)
    {
        var index = members.IndexOf(member);
        var hasCommaAfter = index < members.SeparatorCount;
        if (hasCommaAfter || index == 0)
        {
            return members.RemoveAt(index);
        }

        var previous = members[index - 1];
        var comma = members.GetSeparator(index - 1);
        var keptTrivia = previous.GetTrailingTrivia().AddRange(comma.LeadingTrivia).AddRange(comma.TrailingTrivia);
        var remaining = members.Take(index - 1)
            .Append(previous.WithTrailingTrivia(keptTrivia))
            .Concat(members.Skip(index + 1));
        var separators = Enumerable.Range(0, index - 1).Select(members.GetSeparator);
        return SyntaxFactory.SeparatedList(remaining, separators);
    }
}
