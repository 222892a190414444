using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Whether two pieces of code can never both run in one pass: they sit in the two branches of one <c>if</c>/<c>else</c>
/// (an <c>else if</c> chain included), of one <c>?:</c>, or in two sections of one <c>switch</c>, or one sits in an <c>if</c>
/// that ends by leaving (<c>return</c>, <c>throw</c>) and the other after it. Declaring a process in
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
            BlockSyntax block => LeavesBefore(block.Statements, first, second) || LeavesBefore(block.Statements, second, first),
            IfStatementSyntax branch => Apart(branch.Statement, branch.Else, first, second),
            ConditionalExpressionSyntax conditional => Apart(conditional.WhenTrue, conditional.WhenFalse, first, second),
            SwitchStatementSyntax choice => choice.Sections.FirstOrDefault(s => s.Span.Contains(first.Span)) is { } one
                && !one.Span.Contains(second.Span) && choice.Sections.Any(s => s.Span.Contains(second.Span)),
            _ => false,
        };
    }

    // if (…) { o.UseWaitress(…); return; } o.UseDjangoDevServer(…): the statement holding one ends by leaving, and the
    // other comes after it.
    private static bool LeavesBefore(SyntaxList<StatementSyntax> statements, SyntaxNode inExit, SyntaxNode after)
    {
        var exit = statements.FirstOrDefault(s => s.Span.Contains(inExit.Span));
        return exit is IfStatementSyntax { Else: null } branch && branch.Statement.Span.Contains(inExit.Span) && AlwaysLeaves(branch.Statement)
            && after.SpanStart >= exit.Span.End;
    }

    /// <summary>Whether <paramref name="statement"/> always ends by leaving its method or lambda: a <c>return</c> or <c>throw</c>, last.</summary>
    public static bool AlwaysLeaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax block => block.Statements.LastOrDefault() is { } last && AlwaysLeaves(last),
        _ => false,
    };

    private static bool Apart(SyntaxNode? one, SyntaxNode? other, SyntaxNode first, SyntaxNode second) =>
        one is not null && other is not null
        && ((one.Span.Contains(first.Span) && other.Span.Contains(second.Span)) || (one.Span.Contains(second.Span) && other.Span.Contains(first.Span)));
}
