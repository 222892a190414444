using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProdServer.Config.Generators.Model;

namespace ProdServer.Config.Generators;

/// <summary>
/// Writes the JSON schema (draft-07) of one record's configuration keys: the object a process's <c>Args</c> holds. Every key
/// the generated binder accepts is a property (the C# name, the server's flag, the flag with <c>_</c>, and <c>no-x</c> for
/// negatable switches), with its JSON type, enum values, declared range and the property's documentation. Values may be
/// JSON strings too, as configuration from a django-prodserver <c>ARGS</c> dict is (<c>"threads": "8"</c>): a pattern
/// then says which strings the binder parses. Works from the model alone, like <see cref="Emitter"/>.
/// </summary>
internal static class SchemaEmitter
{
    // What ArgsConfigurationReader parses (NumberStyles.Integer / .Float, invariant culture; booleans after Trim()).
    private const string IntegerPattern = "^\\s*[-+]?[0-9]+\\s*$";
    private const string NumberPattern = "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$";
    private const string BooleanPattern =
        "^\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|1|0|[Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff])\\s*$";

    // What ServerArgument.PositionalArgumentProblem accepts: not empty, no leading '-', no control character (char.IsControl).
    private const string PositionalPattern = "^[^-\\x00-\\x1f\\x7f-\\x9f][^\\x00-\\x1f\\x7f-\\x9f]*$";

    // The value schemas that do not depend on the flag, escaped once rather than once per flag.
    private static readonly string IntegerSchema = "\"type\":[\"integer\",\"string\"],\"pattern\":" + Text(IntegerPattern);
    private static readonly string NumberSchema = "\"type\":[\"number\",\"string\"],\"pattern\":" + Text(NumberPattern);
    private static readonly string BooleanSchema = "\"type\":[\"boolean\",\"string\"],\"pattern\":" + Text(BooleanPattern);
    private static readonly string PositionalSchema =
        "\"type\":[\"array\",\"string\"],\"items\":{\"type\":\"string\",\"pattern\":" + Text(PositionalPattern) + "}";

    /// <summary>
    /// Writes the schema as C# string literals joined by <c>+</c>, one JSON member per line (the header, one <c>"key": {…}</c>
    /// per accepted key, then the end), escaping the JSON for C# as it goes: no line is built as a string first, and a flag's
    /// value schema is escaped once for all its keys (the schema was half of the emitters' time, issue 15).
    /// </summary>
    public static void Write(CodeWriter w, ServerArgsModel model)
    {
        var lines = new LiteralLines(w);
        var b = lines.Next();
        InLiteral(b, "{\"type\":\"object\",\"description\":");
        JsonString(b, "Options of " + model.Command + "; each key may be the property, the server's flag or the flag with _.");
        InLiteral(b, ",\"properties\":{");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in model.Positional is { } positional ? model.Flags.Append(positional) : model.Flags)
        {
            var value = InLiteral(ValueSchema(flag, model));
            string? negatedValue = null;
            foreach (var (key, description, negated) in Keys(flag))
            {
                if (seen.Add(key))
                {
                    Member(lines, seen.Count, key, negated ? negatedValue ??= InLiteral(BooleanSchema) : value, description);
                }
            }
        }

        // [ArgAlias] keys, in both spellings, with the schema of the flag they stand for.
        foreach (var alias in model.Aliases)
        {
            var flag = model.Flags.First(f => string.Equals(f.FlagName, alias.Flag, StringComparison.OrdinalIgnoreCase));
            var value = InLiteral(ValueSchema(flag, model));
            foreach (var key in new[] { alias.Alias.Replace('-', '_'), alias.Alias.Replace('_', '-') })
            {
                if (seen.Add(key))
                {
                    Member(lines, seen.Count, key, value, "Same as " + flag.PropertyName + " (another name its server's users know).");
                }
            }
        }

        InLiteral(lines.Next(), "},\"additionalProperties\":false}");
        lines.End();
    }

    // One "key":{value,"description":…} line; members are separated by a ',' at the end of the previous member's line.
    private static void Member(LiteralLines lines, int number, string key, string escapedValue, string description)
    {
        if (number > 1)
        {
            lines.Open.Append(',');
        }

        var b = lines.Next();
        JsonString(b, key);
        b.Append(":{").Append(escapedValue);
        InLiteral(b, ",\"description\":");
        JsonString(b, description);
        b.Append('}');
    }

    // JSON text as it appears inside a C# string literal.
    private static void InLiteral(StringBuilder b, string json) => Emitter.AppendEscaped(b, json);

    private static string InLiteral(string json) => Emitter.AppendEscaped(new StringBuilder(json.Length + 32), json).ToString();

    // A JSON string literal of value, escaped for C#; most keys and descriptions need no escape at all.
    private static void JsonString(StringBuilder b, string value)
    {
        foreach (var c in value)
        {
            if (Emitter.NeedsEscape(c))
            {
                InLiteral(b, Text(value));
                return;
            }
        }

        b.Append("\\\"").Append(value).Append("\\\"");
    }

    /// <summary>Lines of C# string literals joined by <c>+</c>: each line is closed when the next one opens, or by <see cref="End"/>.</summary>
    private sealed class LiteralLines(CodeWriter w)
    {
        private StringBuilder? _open;

        /// <summary>The line being written, after its opening quote.</summary>
        public StringBuilder Open => _open ?? throw new InvalidOperationException("No line is open.");

        public StringBuilder Next()
        {
            _open?.Append("\" +\n");
            return _open = w.StartLine().Append('"');
        }

        public void End() => Open.Append("\";\n");
    }

    // The keys the binder matches for one flag (ArgsConfigurationReader.Spellings, and the no- keys of a negatable boolean).
    private static IEnumerable<(string Key, string Description, bool Negated)> Keys(FlagModel flag)
    {
        var description = flag.Description.Length > 0 ? flag.Description : flag.PropertyName + ".";
        yield return (flag.PropertyName, description, false);
        if (flag.FlagName.Length == 0)
        {
            // Positional arguments have no flag to spell; the lower-case key is how a django-prodserver ARGS dict writes them.
            var lower = flag.PropertyName.ToLowerInvariant();
            if (flag.Kind == FlagValueKind.Positional && lower != flag.PropertyName)
            {
                yield return (lower, "Same as " + flag.PropertyName + ".", false);
            }

            yield break;
        }

        // Other spellings say which key they stand for; the full text is on the property's own key (the segment stays small).
        var same = "Same as " + flag.PropertyName + ".";
        yield return (flag.FlagName, same, false);
        var snake = flag.FlagName.Replace('-', '_');
        yield return (snake, same, false);
        if (flag.BooleanStyle is "Negatable" or "NegativeSwitch" && !flag.FlagName.StartsWith("no-", StringComparison.OrdinalIgnoreCase))
        {
            var negation = "The opposite of " + flag.PropertyName + ": true turns it off.";
            yield return ("No" + flag.PropertyName, negation, true);
            yield return ("no-" + flag.FlagName, negation, true);
            yield return ("no_" + snake, negation, true);
        }
    }

    private static string ValueSchema(FlagModel flag, ServerArgsModel model) => flag.Kind switch
    {
        FlagValueKind.Int32 or FlagValueKind.Int64 => IntegerSchema + Range(flag),
        FlagValueKind.Double => NumberSchema + Range(flag),
        FlagValueKind.Boolean => BooleanSchema,
        FlagValueKind.Enum => "\"enum\":" + EnumValues(flag, model),
        FlagValueKind.EnumList => "\"type\":[\"array\",\"string\"],\"items\":{\"enum\":" + EnumValues(flag, model) + "}",
        FlagValueKind.Positional => PositionalSchema,
        FlagValueKind.StringList or FlagValueKind.Extra => "\"type\":[\"array\",\"string\"],\"items\":{\"type\":\"string\"}",
        _ => "\"type\":\"string\"",
    };

    private static string Range(FlagModel flag) =>
        (flag.Minimum is { } low ? ",\"minimum\":" + Number(low) : string.Empty)
        + (flag.Maximum is { } high ? ",\"maximum\":" + Number(high) : string.Empty);

    // The server's spelling first, then the C# member name, then the spelling in lower and upper case: the binder ignores
    // case (celery's INFO is often written info), and a schema cannot, so the usual casings are listed.
    private static string EnumValues(FlagModel flag, ServerArgsModel model)
    {
        var e = model.Enums.First(m => m.Key == flag.EnumKey);
        var values = new List<string>();
        foreach (var member in e.Members)
        {
            foreach (var word in new[] { member.Spelling, member.Name, member.Spelling.ToLowerInvariant(), member.Spelling.ToUpperInvariant() })
            {
                if (!values.Contains(word, StringComparer.Ordinal))
                {
                    values.Add(word);
                }
            }
        }

        return "[" + string.Join(",", values.Select(Text)) + "]";
    }

    internal static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.</summary>
    internal static string Text(string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < ' ' || c is '\u2028' or '\u2029')
            {
                return Escaped(value);
            }
        }

        return "\"" + value + "\"";
    }

    private static string Escaped(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c is '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
