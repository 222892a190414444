using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// Fixes PSC0004 when <c>Listen</c> is combined with <c>Host</c>/<c>Port</c> in one initializer: the address they
/// spell (waitress's defaults <c>0.0.0.0</c> and <c>8080</c> for the one left out) becomes one more <c>Listen</c> entry,
/// and <c>Host</c> and <c>Port</c> go. Offered when both values are constants and <c>Listen</c> is a collection literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveHostPortIntoListenCodeFixProvider)), Shared]
public sealed class MoveHostPortIntoListenCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleRegistry.ConflictingBindSettings.Id);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not
                { Left: IdentifierNameSyntax { Identifier.ValueText: "Listen" }, Parent: InitializerExpressionSyntax initializer } listen)
            {
                continue;
            }

            var host = Member(initializer, "Host");
            var port = Member(initializer, "Port");
            var hostValue = host is null ? "0.0.0.0" : model.GetConstantValue(host.Right, context.CancellationToken) is { HasValue: true, Value: string h } ? h : null;
            var portValue = port is null ? 8080 : model.GetConstantValue(port.Right, context.CancellationToken) is { HasValue: true, Value: int p } ? p : (int?)null;
            if ((host is null && port is null) || hostValue is null || portValue is null || !CanAppend(listen.Right))
            {
                continue;
            }

            // waitress writes IPv6 hosts in brackets: [::1]:8000.
            var address = (hostValue.Contains(':') ? "[" + hostValue + "]" : hostValue) + ":" + portValue.Value.ToString(CultureInfo.InvariantCulture);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Move {string.Join(" and ", new[] { host, port }.Where(m => m is not null).Select(m => m!.Left.ToString()))} into Listen as \"{address}\"",
                    ct => MoveAsync(context.Document, root, initializer, listen, host, port, address, ct),
                    equivalenceKey: nameof(MoveHostPortIntoListenCodeFixProvider)),
                diagnostic);
        }
    }

    private static Task<Document> MoveAsync(
        Document document, SyntaxNode root, InitializerExpressionSyntax initializer, AssignmentExpressionSyntax listen,
        AssignmentExpressionSyntax? host, AssignmentExpressionSyntax? port, string address, CancellationToken cancellationToken)
    {
        var entry = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(address));
        var members = initializer.Expressions.Replace(listen, listen.WithRight(Append(listen.Right, entry)));
        foreach (var gone in new[] { host, port })
        {
            if (gone is not null)
            {
                var current = members.First(m => m is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && name.Identifier.ValueText == ((IdentifierNameSyntax)gone.Left).Identifier.ValueText);
                members = RemoveSettingCodeFixProvider.RemoveMember(members, current);
            }
        }

        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(initializer, initializer.WithExpressions(members))));
    }

    private static AssignmentExpressionSyntax? Member(InitializerExpressionSyntax initializer, string name) =>
        initializer.Expressions.OfType<AssignmentExpressionSyntax>().LastOrDefault(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name);

    private static bool CanAppend(ExpressionSyntax value) =>
        value is CollectionExpressionSyntax or ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax { Initializer: not null };

    private static ExpressionSyntax Append(ExpressionSyntax value, ExpressionSyntax entry) => value switch
    {
        CollectionExpressionSyntax collection => collection.WithElements(collection.Elements.Add(SyntaxFactory.ExpressionElement(entry))),
        ImplicitArrayCreationExpressionSyntax array => array.WithInitializer(array.Initializer.WithExpressions(array.Initializer.Expressions.Add(entry))),
        ArrayCreationExpressionSyntax { Initializer: { } init } array => array.WithInitializer(init.WithExpressions(init.Expressions.Add(entry))),
        _ => value,
    };
}
