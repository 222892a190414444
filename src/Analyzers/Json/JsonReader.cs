using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProdServer.Config.Analyzers.Json;

/// <summary>
/// A small JSON reader that keeps every value's offsets, so a diagnostic can point at the exact key in
/// <c>appsettings.json</c>. It accepts what <c>Microsoft.Extensions.Configuration.Json</c> accepts: <c>//</c> and
/// <c>/* */</c> comments and trailing commas.
/// </summary>
/// <remarks>
/// Hand-written because analyzers run on netstandard2.0 inside the compiler, where System.Text.Json is not guaranteed to
/// load (shipping our own copy beside the analyzer risks a version clash with the compiler's), and its
/// <c>Utf8JsonReader</c> would only give byte offsets in UTF-8, which do not match the offsets of the file's
/// <c>SourceText</c> for non-ASCII text. Roslyn's <c>SourceText</c> turns our character offsets into lines and columns.
/// </remarks>
internal sealed class JsonReader
{
    private readonly string _text;
    private int _position;

    private JsonReader(string text) => _text = text;

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="FormatException">The text is not JSON; the message gives the offset.</exception>
    public static JsonNode Parse(string text)
    {
        var reader = new JsonReader(text);
        reader.SkipTrivia();
        if (reader._position < text.Length && text[reader._position] == '\uFEFF')
        {
            reader._position++;
            reader.SkipTrivia();
        }

        var value = reader.ReadValue();
        reader.SkipTrivia();
        if (reader._position != text.Length)
        {
            throw reader.Error("unexpected text after the root value");
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
        catch (FormatException)
        {
            return null;
        }
    }

    private JsonNode ReadValue()
    {
        if (_position >= _text.Length)
        {
            throw Error("unexpected end of text");
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

                throw Error($"unexpected '{c}'");
        }
    }

    private JsonObject ReadObject()
    {
        var start = _position++;
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                return new JsonObject(start, _position, properties);
            }

            if (Peek() != '"')
            {
                throw Error("expected a property name");
            }

            var nameStart = _position;
            var name = ReadString();
            SkipTrivia();
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
                throw Error("expected ',' or '}'");
            }
        }
    }

    private JsonArray ReadArray()
    {
        var start = _position++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
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
                throw Error("expected ',' or ']'");
            }
        }
    }

    private string ReadString()
    {
        _position++; // the opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var escape = _text[_position++];
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
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"invalid escape '\\{escape}'");
            }
        }
    }

    private JsonScalar ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-.0123456789eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        var text = _text.Substring(start, _position - start);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw Error($"invalid number '{text}'");
        }

        return new JsonScalar(start, _position, JsonScalarKind.Number, text);
    }

    private JsonScalar ReadLiteral(string literal, JsonScalarKind kind)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"expected '{literal}'");
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
                    throw Error("unterminated comment");
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _position++;
    }

    private FormatException Error(string message) => new($"Invalid JSON at offset {_position}: {message}.");
}
