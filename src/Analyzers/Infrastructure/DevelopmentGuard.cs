using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Finds out whether code never runs in the Production environment, where production advice (a rule of
/// <see cref="RuleScope.Production"/>) is not reported: it sits in a branch whose condition rules Production out —
/// the true branch of <c>if (env.IsDevelopment())</c>, the else branch of <c>if (env.IsProduction())</c> or of
/// <c>if (!env.IsDevelopment())</c>, <c>env.IsDevelopment() ? … : …</c>, <c>… &amp;&amp; env.IsStaging()</c>,
/// <c>env.IsEnvironment("Development")</c>, <c>env.EnvironmentName == Environments.Development</c> — also through a local
/// holding such a condition (<c>var isDev = env.IsDevelopment(); if (isDev) …</c>), or after an early exit
/// (<c>if (env.IsProduction()) return;</c>).
/// </summary>
internal static class DevelopmentGuard
{
    private const string Production = "Production";

    // How far a local's initializer is followed (var dev = env.IsDevelopment(); var local = dev; …).
    private const int MaxLocals = 8;

    /// <summary>Whether <paramref name="node"/> only runs where the environment is not Production.</summary>
    public static bool IsKeptFromProduction(SyntaxNode node, SemanticModel model)
    {
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IfStatementSyntax branch when child == branch.Statement && RulesOutProduction(branch.Condition, true, model, 0):
                    return true;
                case ElseClauseSyntax { Parent: IfStatementSyntax branch } when RulesOutProduction(branch.Condition, false, model, 0):
                    return true;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue && RulesOutProduction(conditional.Condition, true, model, 0):
                    return true;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenFalse && RulesOutProduction(conditional.Condition, false, model, 0):
                    return true;
                case BlockSyntax block when child is StatementSyntax statement && LeftEarlier(block.Statements.TakeWhile(s => s != statement), model):
                    return true;
                case CompilationUnitSyntax program when child is GlobalStatementSyntax statement
                    && LeftEarlier(program.Members.TakeWhile(m => m != statement).OfType<GlobalStatementSyntax>().Select(g => g.Statement), model):
                    return true;
                case BaseTypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    // if (env.IsProduction()) return; …: what follows runs only where the condition was false.
    private static bool LeftEarlier(IEnumerable<StatementSyntax> earlier, SemanticModel model) =>
        earlier.Any(s => s is IfStatementSyntax { Else: null } exit && ExclusiveBranches.AlwaysLeaves(exit.Statement) && RulesOutProduction(exit.Condition, false, model, 0));

    // Whether "condition == expected" implies the environment is not Production.
    private static bool RulesOutProduction(ExpressionSyntax condition, bool expected, SemanticModel model, int locals)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return RulesOutProduction(parenthesized.Expression, expected, model, locals);
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.LogicalNotExpression):
                return RulesOutProduction(prefix.Operand, !expected, model, locals);
            case BinaryExpressionSyntax logical when logical.IsKind(SyntaxKind.LogicalAndExpression) || logical.IsKind(SyntaxKind.LogicalOrExpression):
                // a && b true (a || b false) sets both sides, so one that rules Production out is enough; a && b false
                // (a || b true) sets only one of them, so each must.
                var both = logical.IsKind(SyntaxKind.LogicalAndExpression) == expected;
                return both
                    ? RulesOutProduction(logical.Left, expected, model, locals) || RulesOutProduction(logical.Right, expected, model, locals)
                    : RulesOutProduction(logical.Left, expected, model, locals) && RulesOutProduction(logical.Right, expected, model, locals);
            case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                return ComparedName(comparison, model) is { } name
                    && Excludes(name, comparison.IsKind(SyntaxKind.EqualsExpression) ? expected : !expected);
            case InvocationExpressionSyntax invocation:
                return EnvironmentTested(invocation, model) is { } tested && Excludes(tested, expected);
            case IdentifierNameSyntax identifier when locals < MaxLocals
                && model.GetSymbolInfo(identifier).Symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean } local
                && ConstantSettings.Initializer(local, model) is { } initializer:
                return RulesOutProduction(initializer, expected, model, locals + 1);
            default:
                return false;
        }
    }

    // Whether "the environment is <name>" being <holds> rules Production out.
    private static bool Excludes(string name, bool holds) =>
        string.Equals(name, Production, StringComparison.OrdinalIgnoreCase) ? !holds : holds;

    // The environment a call tests: IsDevelopment() → Development, IsProduction() → Production, IsStaging() → Staging,
    // IsEnvironment("X") → X (a constant), on IHostEnvironment (HostEnvironmentEnvExtensions), IWebHostEnvironment, or an
    // app's own helper on them.
    private static string? EnvironmentTested(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        // The name first: it rules out almost every invocation without asking the semantic model.
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("IsDevelopment" or "IsProduction" or "IsStaging" or "IsEnvironment")
            || model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method
            || !(method.ContainingType.Name.Contains("Environment")
                 || ((method.ReducedFrom ?? method).Parameters is { Length: > 0 } parameters && parameters[0].Type.Name.Contains("Environment"))))
        {
            return null;
        }

        if (name != "IsEnvironment")
        {
            return name.Substring("Is".Length);
        }

        return invocation.ArgumentList.Arguments.LastOrDefault() is { } argument
            && model.GetConstantValue(argument.Expression) is { HasValue: true, Value: string environment }
            ? environment
            : null;
    }

    // env.EnvironmentName == "Development" (or Environments.Development): the constant compared with.
    private static string? ComparedName(BinaryExpressionSyntax comparison, SemanticModel model)
    {
        var (property, other) = IsEnvironmentName(comparison.Left) ? (comparison.Left, comparison.Right)
            : IsEnvironmentName(comparison.Right) ? (comparison.Right, comparison.Left)
            : (null, null);
        return property is not null && model.GetConstantValue(other!) is { HasValue: true, Value: string environment }
            && model.GetSymbolInfo(property).Symbol is IPropertySymbol { ContainingType.Name: var owner } && owner.Contains("Environment")
            ? environment
            : null;

        static bool IsEnvironmentName(ExpressionSyntax side) => side is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnvironmentName" };
    }
}
