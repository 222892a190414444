using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>
/// Writes imported processes as the <c>AddProdServer(o =&gt; …)</c> call a Program.cs makes, with the typed records:
/// <c>o.Process("web").UseGunicorn("mysite.wsgi:application", a =&gt; a with { Workers = 2 })</c>. Every text from the
/// settings is a C# string literal with everything outside printable ASCII escaped, so nothing can end the literal or
/// hide in the code.
/// </summary>
internal static partial class ImportedCSharpWriter
{
    /// <summary>The C# statement, preceded by the usings it needs as comments, ending with a newline.</summary>
    public static string Write(IReadOnlyList<ImportedProcess> processes, string source)
    {
        var code = new StringBuilder();
        code.Append("// From ").Append(Names.Printable(source, 200)).Append(" by `import django-prodserver --csharp`.\n");
        code.Append("// Needs: using Microsoft.Extensions.DependencyInjection; using ProdServer.Config;\n");
        code.Append("builder.Services.AddProdServer(o =>\n{\n");
        foreach (var process in processes)
        {
            if (!Identifier().IsMatch(process.Backend.Name))
            {
                throw new InvalidOperationException($"Backend '{process.Backend.Name}' has no Use method name."); // only built-in backends reach here
            }

            code.Append("    o.Process(").Append(Literal(process.Name)).Append(").Use").Append(process.Backend.Name).Append('(');
            if (process.App is { } app)
            {
                code.Append(Literal(app));
                if (process.Args.Count > 0)
                {
                    code.Append(", ");
                }
            }

            if (process.Args.Count > 0)
            {
                code.Append("a => a with\n    {\n");
                foreach (var (property, value) in process.Args)
                {
                    code.Append("        ").Append(property).Append(" = ").Append(Value(value)).Append(",\n");
                }

                code.Append("    }");
            }

            code.Append(')');
            if (process.WorkingDirectory is { } directory)
            {
                code.Append("\n        .WorkingDirectory(").Append(Literal(directory)).Append(')');
            }

            if (process.Python is { } python)
            {
                code.Append("\n        .Python(").Append(Literal(python)).Append(')');
            }

            if (process.Venv is { } venv)
            {
                code.Append("\n        .Venv(").Append(Literal(venv)).Append(')');
            }

            foreach (var (name, value) in process.Environment)
            {
                code.Append("\n        .Environment(").Append(Literal(name)).Append(", ").Append(Literal(value)).Append(')');
            }

            code.Append(";\n");
        }

        code.Append("});\n");
        return code.ToString();
    }

    /// <summary><paramref name="text"/> as a C# regular string literal: printable ASCII as it is, the rest as <c>\uXXXX</c>.</summary>
    public static string Literal(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => literal.Append("\\\""),
                '\\' => literal.Append("\\\\"),
                >= ' ' and <= '~' => literal.Append(c),
                _ => literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
        }

        return literal.Append('"').ToString();
    }

    private static string Value(object value) => value switch
    {
        string text => Literal(text),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        double number when double.IsNaN(number) => "double.NaN",
        double number when double.IsPositiveInfinity(number) => "double.PositiveInfinity",
        double number when double.IsNegativeInfinity(number) => "double.NegativeInfinity",
        double number => number.ToString("R", CultureInfo.InvariantCulture) is var r && (r.Contains('.') || r.Contains('E')) ? r : r + ".0",
        Enum member => EnumValue(member),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Value)) + "]",
        _ => throw new InvalidOperationException($"No C# literal for a {value.GetType().Name}."), // the binder reads no other types
    };

    // Defined members by name (generated parsers return nothing else); the type by its name in ProdServer.Config, or in full.
    private static string EnumValue(Enum member)
    {
        var type = member.GetType();
        var typeName = type.Namespace == typeof(ImportedCSharpWriter).Namespace
            ? (type.FullName ?? type.Name)[(type.Namespace!.Length + 1)..].Replace('+', '.')
            : "global::" + (type.FullName ?? type.Name).Replace('+', '.');
        var name = member.ToString();
        return Identifier().IsMatch(name)
            ? typeName + "." + name
            : "(" + typeName + ")" + Convert.ToInt64(member, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z")]
    private static partial Regex Identifier();
}
