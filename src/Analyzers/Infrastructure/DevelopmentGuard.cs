using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Finds out whether code only runs in development: it sits in the true branch of <c>if (env.IsDevelopment())</c>
/// (or of <c>env.IsDevelopment() ? … : …</c>, or <c>… &amp;&amp; env.IsDevelopment()</c>), or the else branch of
/// <c>if (!env.IsDevelopment())</c>. Production advice is not reported there.
/// </summary>
internal static class DevelopmentGuard
{
    /// <summary>Whether <paramref name="node"/> is guarded by <c>IsDevelopment()</c>.</summary>
    public static bool IsInDevelopmentBranch(SyntaxNode node, SemanticModel model)
    {
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IfStatementSyntax branch when child == branch.Statement && Says(branch.Condition, true, model):
                    return true;
                case ElseClauseSyntax { Parent: IfStatementSyntax branch } when Says(branch.Condition, false, model):
                    return true;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue && Says(conditional.Condition, true, model):
                    return true;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenFalse && Says(conditional.Condition, false, model):
                    return true;
                case BaseTypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    // Whether "condition == expected" implies the Development environment.
    private static bool Says(ExpressionSyntax condition, bool expected, SemanticModel model)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Says(parenthesized.Expression, expected, model);
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.LogicalNotExpression):
                return Says(prefix.Operand, !expected, model);
            case BinaryExpressionSyntax both when expected && both.IsKind(SyntaxKind.LogicalAndExpression):
                return Says(both.Left, true, model) || Says(both.Right, true, model);
            case BinaryExpressionSyntax either when !expected && either.IsKind(SyntaxKind.LogicalOrExpression):
                return Says(either.Left, false, model) || Says(either.Right, false, model);
            case InvocationExpressionSyntax invocation when expected:
                return IsDevelopmentCall(invocation, model);
            default:
                return false;
        }
    }

    private static bool IsDevelopmentCall(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        // The name first: it rules out almost every invocation without asking the semantic model.
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name != "IsDevelopment")
        {
            return false;
        }

        // HostEnvironmentEnvExtensions.IsDevelopment(IHostEnvironment), HostingEnvironmentExtensions (IWebHostEnvironment), or an app's own helper on them.
        return model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method
            && (method.ContainingType.Name.Contains("Environment")
                || ((method.ReducedFrom ?? method).Parameters is { Length: > 0 } parameters && parameters[0].Type.Name.Contains("Environment")));
    }
}
