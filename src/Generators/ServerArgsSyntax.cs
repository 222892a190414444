using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators;

/// <summary>
/// Which type declarations write an attribute named <c>ServerArgs</c>, from syntax alone: <c>[ServerArgs]</c>,
/// <c>[ServerArgsAttribute]</c>, qualified (<c>[ProdServer.Config.ServerArgs]</c>, <c>[global::…]</c>, <c>[Alias::ServerArgs]</c>)
/// or verbatim (<c>[@ServerArgs]</c>). Whether that name is really <c>ProdServer.Config.ServerArgsAttribute</c> is decided
/// later by looking it up (<see cref="Parser.Parse(GeneratorSyntaxContext, System.Threading.CancellationToken)"/>). A using
/// alias to the attribute (<c>using SA = ProdServer.Config.ServerArgsAttribute;</c>, global or not) is not spelled so:
/// those declarations are left to <c>ForAttributeWithMetadataName</c>, which tracks aliases across files.
/// </summary>
internal static class ServerArgsSyntax
{
    /// <summary>Whether <paramref name="node"/> is a type declaration with an attribute spelled <c>ServerArgs</c> or <c>ServerArgsAttribute</c>.</summary>
    public static bool IsSpelled(SyntaxNode node)
    {
        if (node is not TypeDeclarationSyntax { AttributeLists.Count: > 0 } declaration)
        {
            return false;
        }

        foreach (var list in declaration.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    IdentifierNameSyntax identifier => identifier,
                    QualifiedNameSyntax { Right: IdentifierNameSyntax right } => right,
                    AliasQualifiedNameSyntax { Name: IdentifierNameSyntax right } => right,
                    _ => null,
                };
                if (name?.Identifier.ValueText is "ServerArgs" or "ServerArgsAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
