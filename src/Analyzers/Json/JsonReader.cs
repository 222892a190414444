using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProdServer.Config.Analyzers.Json;

/// <summary>
/// A small JSON reader that keeps every value's offsets, so a diagnostic can point at the exact key in
/// <c>appsettings.json</c>. It accepts exactly the syntax <c>Microsoft.Extensions.Configuration.Json</c> accepts
/// (<c>JsonDocument</c> with <c>CommentHandling = Skip</c> and <c>AllowTrailingCommas = true</c>): <c>//</c> and
/// <c>/* */</c> comments, trailing commas, and otherwise strict JSON (numbers by JSON's grammar, no raw control character
/// in a string, whole surrogate pairs in <c>\u</c> escapes, at most 64 levels of nesting), so that what the build refuses
/// (PSC0120) is what the host refuses. tests/Analyzers.Tests/AppSettingsFileCheckTests.cs holds it against the provider.
/// </summary>
/// <remarks>
/// Hand-written because analyzers run on netstandard2.0 inside the compiler, where System.Text.Json is not guaranteed to
/// load (shipping our own copy beside the analyzer risks a version clash with the compiler's), and its
/// <c>Utf8JsonReader</c> would only give byte offsets in UTF-8, which do not match the offsets of the file's
/// <c>SourceText</c> for non-ASCII text. Roslyn's <c>SourceText</c> turns our character offsets into lines and columns.
/// </remarks>
internal sealed class JsonReader
{
    // JsonDocumentOptions.MaxDepth's default (0 means 64): the provider refuses a document nested deeper.
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _depth;

    private JsonReader(string text) => _text = text;

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="JsonSyntaxException">The text is not JSON the provider reads; it says where and why.</exception>
    public static JsonNode Parse(string text)
    {
        var reader = new JsonReader(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._position++; // a byte order mark, which the provider's StreamReader drops; only at the very start
        }

        reader.SkipTrivia();

        var value = reader.ReadValue();
        reader.SkipTrivia();
        if (reader._position != text.Length)
        {
            throw reader.Error($"expected the end of the file after the root value, found {reader.Found()}");
        }

        return value;
    }

    /// <summary>Parses a document, or returns <see langword="null"/> when it is not JSON (the configuration loader reports that at run time).</summary>
    public static JsonNode? TryParse(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (JsonSyntaxException)
        {
            return null;
        }
    }

    private JsonNode ReadValue()
    {
        if (_position >= _text.Length)
        {
            throw Error("expected a value, found the end of the file");
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                var start = _position;
                var s = ReadString();
                return new JsonScalar(start, _position, JsonScalarKind.String, s);
            case 't':
                return ReadLiteral("true", JsonScalarKind.True);
            case 'f':
                return ReadLiteral("false", JsonScalarKind.False);
            case 'n':
                return ReadLiteral("null", JsonScalarKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error($"expected a value, found {Found()}");
        }
    }

    private JsonObject ReadObject()
    {
        Enter();
        var start = _position++;
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                _depth--;
                return new JsonObject(start, _position, properties);
            }

            if (Peek() != '"')
            {
                throw Error($"expected a property name in double quotes, found {Found()}");
            }

            var nameStart = _position;
            var name = ReadString();
            // JsonDocument takes no comment between a property name and its colon, only white space.
            while (Peek() is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }

            Expect(':');
            SkipTrivia();
            properties.Add(new JsonProperty(nameStart, name, ReadValue()));
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != '}')
            {
                throw Error($"expected ',' or '}}' after a value, found {Found()}");
            }
        }
    }

    private JsonArray ReadArray()
    {
        Enter();
        var start = _position++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
                _depth--;
                return new JsonArray(start, _position, items);
            }

            items.Add(ReadValue());
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != ']')
            {
                throw Error($"expected ',' or ']' after a value, found {Found()}");
            }
        }
    }

    private string ReadString()
    {
        var opening = _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("a string that is never closed", opening);
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                // JSON wants a tab or a line break inside a string written \t or \n.
                throw Error($"a control character (U+{(int)c:X4}) inside a string; write it as an escape such as \\n");
            }

            if (char.IsSurrogate(c))
            {
                ReadRawSurrogatePair(builder);
                continue;
            }

            _position++;
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Error("a string that is never closed", opening);
            }

            var escape = _text[_position];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    _position--; // back to the backslash, where ReadUnicodeEscape starts
                    ReadUnicodeEscape(builder);
                    continue;
                default:
                    _position--;
                    throw Error($"invalid escape '\\{escape}'");
            }

            _position++;
        }
    }

    // \uXXXX, and for a high surrogate the \uXXXX of its low half: the provider cannot turn half a pair into a string.
    private void ReadUnicodeEscape(StringBuilder builder)
    {
        var first = ReadHexEscape();
        if (char.IsLowSurrogate(first))
        {
            throw Error("a \\u escape of a low surrogate without the high one before it");
        }

        builder.Append(first);
        if (!char.IsHighSurrogate(first))
        {
            return;
        }

        var second = string.CompareOrdinal(_text, _position, "\\u", 0, 2) == 0 ? ReadHexEscape() : '\0';
        if (!char.IsLowSurrogate(second))
        {
            throw Error("a \\u escape of a high surrogate without its low half after it");
        }

        builder.Append(second);
    }

    private char ReadHexEscape()
    {
        var digits = _position + 6 <= _text.Length ? _text.Substring(_position + 2, 4) : string.Empty;
        if (digits.Length != 4 || !IsHex(digits))
        {
            throw Error("a \\u escape needs four hexadecimal digits");
        }

        _position += 6;
        return (char)int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static bool IsHex(string digits)
    {
        foreach (var d in digits)
        {
            if (!((d >= '0' && d <= '9') || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F')))
            {
                return false;
            }
        }

        return true;
    }

    // A file read as UTF-8 holds whole pairs; text given otherwise may hold half of one, which is no character at all.
    private void ReadRawSurrogatePair(StringBuilder builder)
    {
        if (!char.IsHighSurrogate(_text[_position]) || _position + 1 >= _text.Length || !char.IsLowSurrogate(_text[_position + 1]))
        {
            throw Error("half of a UTF-16 surrogate pair");
        }

        builder.Append(_text, _position, 2);
        _position += 2;
    }

    // JSON's number: -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?; what follows is checked by the caller.
    private JsonScalar ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!Digits())
        {
            throw Error("a number needs a digit after its sign");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!Digits())
            {
                throw Error("a number needs a digit after its decimal point");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!Digits())
            {
                throw Error("a number needs a digit in its exponent");
            }
        }

        if (Peek() is >= '0' and <= '9')
        {
            throw Error("a number cannot start with 0 followed by more digits");
        }

        return new JsonScalar(start, _position, JsonScalarKind.Number, _text.Substring(start, _position - start));
    }

    private bool Digits()
    {
        var start = _position;
        while (Peek() is >= '0' and <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonScalar ReadLiteral(string literal, JsonScalarKind kind)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"expected a value, found {Found()} (true, false and null are written in lower case)");
        }

        var start = _position;
        _position += literal.Length;
        return new JsonScalar(start, _position, kind, literal);
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("a /* comment that is never closed", _position);
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    // The character the reader stopped at, as a message shows it.
    private string Found() => _position >= _text.Length ? "the end of the file" : $"'{_text[_position]}'";

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}', found {Found()}");
        }

        _position++;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"objects and arrays nested deeper than {MaxDepth} levels");
        }
    }

    private JsonSyntaxException Error(string reason, int? at = null) => new(at ?? _position, reason);
}
