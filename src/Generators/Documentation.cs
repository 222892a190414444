using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Generators;

/// <summary>
/// A property's documentation as one line of plain text, for the description of its configuration key in the JSON schema:
/// the XML <c>&lt;summary&gt;</c> with its tags reduced to their text, or else a <c>[Description]</c> attribute.
/// </summary>
internal static class Documentation
{
    internal const string DescriptionAttributeName = "System.ComponentModel.DescriptionAttribute";

    // Editors show a description in a hover; a whole page of remarks would bury the key. Longer summaries are cut at a word.
    private const int MaximumLength = 600;

    /// <summary>The summary of <paramref name="documentationXml"/> (as <see cref="ISymbol.GetDocumentationCommentXml"/> writes it), else the <c>[Description]</c>.</summary>
    public static string Describe(string? documentationXml, ImmutableArray<FoundAttribute> attributes)
    {
        var text = Summary(documentationXml);
        if (text.Length == 0)
        {
            var attribute = Parser.Find(attributes, DescriptionAttributeName);
            text = attribute is { Arguments.Count: 1 } && attribute.Arguments[0] is string described
                ? Collapse(described)
                : string.Empty;
        }

        return Shorten(text);
    }

    /// <summary>The text of the <c>&lt;summary&gt;</c> in <paramref name="xml"/>: <c>&lt;c&gt;x&lt;/c&gt;</c> → <c>x</c>, a <c>cref</c> → the member's name.</summary>
    internal static string Summary(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return string.Empty;
        }

        XElement root;
        try
        {
            root = XElement.Parse(xml, LoadOptions.None);
        }
        catch (XmlException)
        {
            // A malformed doc comment is the compiler's warning CS1570 to report; the schema then goes without a description.
            return string.Empty;
        }

        var summary = root.Name.LocalName == "summary" ? root : root.Element("summary");
        if (summary is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        Append(builder, summary);
        return Collapse(builder.ToString());
    }

    private static void Append(StringBuilder builder, XElement element)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see when !see.Nodes().Any():
                    builder.Append(Reference(see));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    builder.Append((string?)reference.Attribute("name") ?? string.Empty);
                    break;
                case XElement { Name.LocalName: "br" or "para" } paragraph:
                    builder.Append(' ');
                    Append(builder, paragraph);
                    builder.Append(' ');
                    break;
                case XElement child:
                    Append(builder, child);
                    break;
            }
        }
    }

    // <see cref="P:ProdServer.Config.WaitressArgs.Listen"/> → Listen; <see langword="null"/> → null.
    private static string Reference(XElement see)
    {
        if ((string?)see.Attribute("langword") is { } word)
        {
            return word;
        }

        var cref = (string?)see.Attribute("cref") ?? (string?)see.Attribute("href") ?? string.Empty;
        var colon = cref.IndexOf(':');
        var name = colon >= 0 && colon < 2 ? cref.Substring(colon + 1) : cref;
        var parameters = name.IndexOf('(');
        if (parameters >= 0)
        {
            name = name.Substring(0, parameters);
        }

        return name.Substring(name.LastIndexOf('.') + 1);
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Shorten(string text)
    {
        if (text.Length <= MaximumLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaximumLength - 1);
        return text.Substring(0, cut > 0 ? cut : MaximumLength - 1) + "…";
    }
}
