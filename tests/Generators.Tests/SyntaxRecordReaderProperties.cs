using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Generators.SyntaxOnly;
using ProdServer.Config.Generators.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Generators.Tests;

/// <summary>
/// Random records, mixing what the syntax reading covers with what it must leave to the parser (crefs, unsupported or
/// unannotated types, constants, missing setters, duplicate names, an enum member with a value, someone else's attribute of the
/// same name): wherever the syntax reading gives a model, it is exactly the parser's.
/// </summary>
public sealed class SyntaxRecordReaderProperties
{
    private static readonly string[] Spellings = ["Flag", "FlagAttribute", "ProdServer.Config.Flag", "global::ProdServer.Config.Flag", "Opt"];

    private static readonly string[] Types =
    [
        "int?", "long?", "double?", "bool?", "string?", "Mode?", "IReadOnlyList<string>?", "IReadOnlyList<Mode>?",
        "System.Collections.Generic.IReadOnlyList<Mode>?", "global::System.Collections.Generic.IReadOnlyList<string>?",
        "string", "int", "List<string>?", "IReadOnlyList<string?>?", "Mode", "System.Int32?", "Missing?",
    ];

    private static readonly string[] Named =
    [
        "Boolean = BooleanStyle.Switch", "Boolean = ProdServer.Config.BooleanStyle.Value", "Boolean = (BooleanStyle)1", "Separator = \",\"",
        "Separator = null", "Minimum = 1", "Maximum = -2.5", "Minimum = 1.5f", "Since = \"2.0\"", "Removed = Names.Gone", "SplitsOnWhiteSpace = true",
    ];

    private static readonly string[] Docs =
    [
        "", "/// <summary>Plain words.</summary>\n", "/// <summary>With <c>code</c> and &amp; entity.</summary>\n",
        "/// <summary>See <see cref=\"Mode\"/>.</summary>\n", "/// <summary>Broken <c>xml.</summary>\n", "/// <remarks>No summary.</remarks>\n",
    ];

    private static readonly Gen<string[]> Records = Gen.Int.Select(static seed => Record(new Random(seed)));

    [Fact]
    public void Wherever_the_syntax_reading_gives_a_model_it_is_the_parsers()
    {
        var (read, left) = (0, 0);
        Records.Sample(
            sources =>
            {
                var compilation = TestCompilation.Create(includeWaitress: false, sources);
                var declaration = compilation.SyntaxTrees.SelectMany(static t => t.GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>())
                    .Single(static r => r.Identifier.ValueText == "RandomArgs");
                var model = compilation.GetSemanticModel(declaration.SyntaxTree);
                var type = (INamedTypeSymbol)model.GetDeclaredSymbol(declaration)!;
                var serverArgs = type.GetAttributes().Single(static a => a.AttributeClass?.ToDisplayString() == Parser.ServerArgsAttributeName);
                var parsed = Parser.Parse(type, declaration, model, serverArgs, fromSymbols: true, default);
                if (SyntaxRecordReader.Read(declaration, compilation, default) is { } fromSyntax)
                {
                    System.Threading.Interlocked.Increment(ref read);
                    Assert.Equal(parsed.Model, fromSyntax);
                }
                else
                {
                    System.Threading.Interlocked.Increment(ref left);
                }
            },
            iter: 150);

        // Both ways must be taken often enough for the comparison to mean something.
        Assert.True(read >= 10 && left >= 10, $"read {read}, left to the parser {left}");
    }

    private static string[] Record(Random random)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        bool Sometimes(int percent) => random.Next(100) < percent;

        var record = new StringBuilder();
        record.Append("using System.Collections.Generic;\nusing System.ComponentModel;\nusing ProdServer.Config;\n");
        if (Sometimes(10))
        {
            record.Append("using Opt = ProdServer.Config.FlagAttribute;\n");
        }

        record.Append("\nnamespace MyApp;\n\n");
        record.Append("static class Names { public const string Gone = \"3.0\"; }\n\n");
        record.Append("[ServerArgs(\"random\")]\n");
        if (Sometimes(30))
        {
            record.Append("[ArgAlias(\"alias_one\", \"f0\")]\n");
        }

        record.Append(Sometimes(50) ? "public " : "internal ").Append("sealed partial record RandomArgs\n{\n");
        var count = random.Next(1, 6);
        var extraTaken = false;
        for (var i = 0; i < count; i++)
        {
            // Mostly the usual shape, so that a record is often read whole.
            var usual = Sometimes(75);
            var doc = usual ? Pick(Docs.Take(3).ToArray()) : Pick(Docs);
            var typeName = usual ? Pick(Types.Take(10).ToArray()) : Pick(Types);
            var attribute = new StringBuilder();
            if (Sometimes(10) && !extraTaken)
            {
                extraTaken = true;
                attribute.Append(Sometimes(50) ? "ExtraArgs" : "PositionalArgs");
            }
            else if (Sometimes(90))
            {
                var spelling = usual ? Pick(Spellings.Take(4).ToArray()) : Pick(Spellings);
                var flagName = Sometimes(95) ? "f" + i : "f0";
                attribute.Append(spelling).Append("(\"").Append(flagName).Append('"');
                if (typeName.StartsWith("bool", StringComparison.Ordinal) && (usual || Sometimes(70)))
                {
                    attribute.Append(", ").Append(Pick(Named.Take(2).ToArray()));
                }

                foreach (var named in Named.Skip(2).Where(_ => Sometimes(usual ? 10 : 25)).Where(n => usual ? !n.Contains('(') && !n.Contains("Names.") : true))
                {
                    attribute.Append(", ").Append(named);
                }

                attribute.Append(')');
            }

            if (Sometimes(20))
            {
                attribute.Append(attribute.Length > 0 ? ", " : string.Empty).Append("Description(\"From the attribute.\")");
            }

            if (Sometimes(10))
            {
                attribute.Append(attribute.Length > 0 ? ", " : string.Empty).Append("System.Obsolete");
            }

            var accessors = usual || Sometimes(50) ? "{ get; init; }" : Pick(new[] { "{ get; set; }", "{ get; }", "{ get; private set; }" });
            record.Append(doc.Replace("\n", "\n    ", StringComparison.Ordinal).Insert(0, "    "));
            if (doc.Length == 0)
            {
                record.Length -= 4;
            }

            record.Append("    ");
            if (attribute.Length > 0)
            {
                record.Append('[').Append(attribute).Append("] ");
            }

            record.Append(!usual && Sometimes(10) ? "public static " : "public ").Append(typeName).Append(" P").Append(i).Append(' ').Append(accessors).Append('\n');
        }

        record.Append("}\n");

        var mode = new StringBuilder("using ProdServer.Config;\n\nnamespace MyApp;\n\npublic enum Mode { ");
        mode.Append(Sometimes(50) ? "[ServerValue(\"go-fast\")] Fast" : "Fast").Append(", Safe");
        mode.Append(Sometimes(15) ? ", Careful = 5" : ", HTTPOnly").Append(" }\n");
        return [record.ToString(), mode.ToString()];
    }
}
