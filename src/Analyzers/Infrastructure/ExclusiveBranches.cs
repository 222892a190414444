using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Whether two pieces of code can never both run in one pass: they sit in the two branches of one <c>if</c>/<c>else</c>
/// (an <c>else if</c> chain included), of one <c>?:</c>, or in two sections of one <c>switch</c>. Declaring a process in
/// each branch (the development server in one, the production server in the other) declares it once.
/// </summary>
internal static class ExclusiveBranches
{
    /// <summary>Whether <paramref name="first"/> and <paramref name="second"/> are in exclusive branches of their closest common statement or expression.</summary>
    public static bool Hold(SyntaxNode first, SyntaxNode second)
    {
        var common = first.Ancestors().FirstOrDefault(a => a.Span.Contains(second.Span));
        return common switch
        {
            IfStatementSyntax branch => Apart(branch.Statement, branch.Else, first, second),
            ConditionalExpressionSyntax conditional => Apart(conditional.WhenTrue, conditional.WhenFalse, first, second),
            SwitchStatementSyntax choice => choice.Sections.FirstOrDefault(s => s.Span.Contains(first.Span)) is { } one
                && !one.Span.Contains(second.Span) && choice.Sections.Any(s => s.Span.Contains(second.Span)),
            _ => false,
        };
    }

    private static bool Apart(SyntaxNode? one, SyntaxNode? other, SyntaxNode first, SyntaxNode second) =>
        one is not null && other is not null
        && ((one.Span.Contains(first.Span) && other.Span.Contains(second.Span)) || (one.Span.Contains(second.Span) && other.Span.Contains(first.Span)));
}
