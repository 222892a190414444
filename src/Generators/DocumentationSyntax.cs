using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProdServer.Config.Generators;

/// <summary>
/// A member's documentation comment read from its syntax, written the way <see cref="ISymbol.GetDocumentationCommentXml"/>
/// writes it as far as <see cref="Documentation.Summary"/> can tell: the comment's XML without its <c>///</c>, each
/// <c>cref</c> replaced by the documentation ID it binds to, or by Roslyn's <c>!:</c> text when it binds to nothing. Asking the
/// symbol instead would build the record's member table. A comment in a form where Roslyn's own rules decide more than this
/// covers (several comments, a <c>/** */</c> comment, directives, <c>&lt;include&gt;</c>, an ambiguous <c>cref</c>) is left to
/// the symbol.
/// </summary>
internal static class DocumentationSyntax
{
    /// <summary>
    /// The XML, <see cref="string.Empty"/> when the member has no documentation comment, null to ask the symbol. Without a
    /// <paramref name="model"/> (reading from syntax alone), a comment with a <c>cref</c> is left to the symbol too.
    /// </summary>
    public static string? Xml(MemberDeclarationSyntax member, SemanticModel? model, CancellationToken cancellationToken)
    {
        // Below Parse, '///' is an ordinary comment and Roslyn gives no documentation (a build without GenerateDocumentationFile).
        if (member.SyntaxTree.Options.DocumentationMode < DocumentationMode.Parse)
        {
            return string.Empty;
        }

        DocumentationCommentTriviaSyntax? comment = null;
        foreach (var trivia in member.GetLeadingTrivia())
        {
            if (trivia.IsDirective || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                return null;
            }

            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                if (comment is not null)
                {
                    return null;
                }

                comment = (DocumentationCommentTriviaSyntax?)trivia.GetStructure();
            }
        }

        if (comment is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder("<member>", comment.FullSpan.Length + 32);
        if (!Write(builder, comment, model, cancellationToken))
        {
            return null;
        }

        return builder.Append("</member>").ToString();
    }

    private static bool Write(StringBuilder builder, SyntaxNode node, SemanticModel? model, CancellationToken cancellationToken)
    {
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } inner)
            {
                switch (inner)
                {
                    case XmlElementSyntax { StartTag.Name.LocalName.ValueText: "include" }:
                    case XmlEmptyElementSyntax { Name.LocalName.ValueText: "include" }:
                        return false;
                    case XmlCrefAttributeSyntax cref:
                        if (model is null || DocumentationId(cref.Cref, model, cancellationToken) is not { } id)
                        {
                            return false;
                        }

                        builder.Append(' ').Append(cref.Name.LocalName.ValueText).Append("=\"").Append(id).Append('"');
                        break;
                    default:
                        if (!Write(builder, inner, model, cancellationToken))
                        {
                            return false;
                        }

                        break;
                }
            }
            else
            {
                var token = child.AsToken();
                Trivia(builder, token.LeadingTrivia);
                builder.Append(token.Text);
                Trivia(builder, token.TrailingTrivia);
            }
        }

        return true;
    }

    private static void Trivia(StringBuilder builder, SyntaxTriviaList list)
    {
        foreach (var trivia in list)
        {
            if (!trivia.IsKind(SyntaxKind.DocumentationCommentExteriorTrivia))
            {
                builder.Append(trivia.ToFullString());
            }
        }
    }

    // What Roslyn's documentation compiler writes for a cref: the documentation ID of the (original definition of the) symbol
    // it binds to, an alias's target's, or "!:" and the cref as written when it binds to nothing. Null: ask the symbol.
    private static string? DocumentationId(CrefSyntax cref, SemanticModel model, CancellationToken cancellationToken)
    {
        var written = cref.ToFullString();
        if (written.IndexOfAny(['&', '<', '>', '"', '\'']) >= 0)
        {
            return null;
        }

        if (cref.ContainsDiagnostics)
        {
            return Unbound(written);
        }

        var info = model.GetSymbolInfo(cref, cancellationToken);
        var symbol = info.Symbol is IAliasSymbol alias ? alias.Target : info.Symbol;
        if (symbol is null)
        {
            return info.CandidateSymbols.IsEmpty ? Unbound(written) : null;
        }

        return symbol.OriginalDefinition.GetDocumentationCommentId();
    }

    private static string Unbound(string written) => "!:" + written.Replace("{", "&lt;").Replace("}", "&gt;");
}
