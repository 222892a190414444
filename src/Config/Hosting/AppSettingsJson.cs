using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Reads an appsettings*.json file into the flat keys the JSON configuration provider makes of it (<c>A:B:0</c>), for the
/// launch planned before the host exists. It takes the provider's relaxed JSON (comments, trailing commas) and nothing
/// looser: anything the provider might read differently (a depth over 64, a lone surrogate, text after the root, a number
/// outside JSON's grammar, a comment between a name and its colon) is a <see cref="FormatException"/>, and the launch is
/// then left to the host, which reports it.
/// </summary>
/// <remarks>
/// System.Text.Json's first use costs ~25 ms before the fork under JIT (loading it, its type initializers and search
/// values; docs/benchmarks.md, fifteenth round). This is the same reading in precompiled code of its own; tests compare
/// the two on generated and on damaged documents (AppSettingsJsonSpecs).
/// </remarks>
internal sealed class AppSettingsJson
{
    private const int MaxDepth = 64; // JsonDocumentOptions' default, which the provider keeps

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _text;
    private readonly Dictionary<string, string?> _data = new(StringComparer.OrdinalIgnoreCase);
    private readonly StringBuilder _scratch = new();
    private int _at;

    private AppSettingsJson(string text) => _text = text;

    /// <summary>
    /// The flat keys and values, in the order the file writes them, keys compared without case: a value as its text
    /// (<c>True</c>/<c>False</c> for booleans, a number as written, <see langword="null"/> for null and for an empty
    /// object, an empty string for an empty array).
    /// </summary>
    /// <param name="utf8">The file's bytes (a UTF-8 byte order mark is skipped, as the provider's reader does).</param>
    /// <returns>The keys and values.</returns>
    /// <exception cref="FormatException">The file is not JSON as the provider reads it, its top level is not an object, or
    /// a key is written twice (as the provider refuses it).</exception>
    public static Dictionary<string, string?> Flatten(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException("The file is not UTF-8.", ex);
        }

        var reader = new AppSettingsJson(text);
        reader.SkipSpace();
        if (reader.Peek() != '{')
        {
            throw new FormatException("The top-level JSON element must be an object.");
        }

        reader.ReadObject(null, 1);
        reader.SkipSpace();
        if (reader._at != text.Length)
        {
            throw reader.Error("text after the top-level object");
        }

        return reader._data;
    }

    // key: this object's flat key, or null for the root.
    private void ReadObject(string? key, int depth)
    {
        Expect('{');
        CheckDepth(depth);
        var empty = true;
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _at++;
                break;
            }

            var name = ReadString();
            SkipSpace(comments: false); // System.Text.Json takes no comment between a name and its colon
            Expect(':');
            var child = key is null ? name : key + ":" + name;
            ReadValue(child, depth);
            empty = false;
            if (!NextItem('}'))
            {
                break;
            }
        }

        if (empty && key is not null)
        {
            _data[key] = null; // an empty object: the key, without a value, as the provider gives it
        }
    }

    private void ReadValue(string key, int depth)
    {
        SkipSpace();
        switch (Peek())
        {
            case '{':
                ReadObject(key, depth + 1);
                return;
            case '[':
                ReadArray(key, depth + 1);
                return;
            default:
                if (!_data.TryAdd(key, ReadScalar()))
                {
                    throw new FormatException($"A duplicate key '{key}' was found.");
                }

                return;
        }
    }

    private void ReadArray(string key, int depth)
    {
        Expect('[');
        CheckDepth(depth);
        var index = 0;
        while (true)
        {
            SkipSpace();
            if (Peek() == ']')
            {
                _at++;
                break;
            }

            ReadValue(key + ":" + index.ToString(CultureInfo.InvariantCulture), depth);
            index++;
            if (!NextItem(']'))
            {
                break;
            }
        }

        if (index == 0)
        {
            _data[key] = string.Empty; // an empty array: the key with an empty value, as the provider gives it
        }
    }

    // After an item: a comma (and, as the provider allows, a trailing one before the close), or the close itself.
    // Returns whether more items may follow; false once the close is consumed.
    private bool NextItem(char close)
    {
        SkipSpace();
        if (Peek() == ',')
        {
            _at++;
            return true;
        }

        Expect(close);
        return false;
    }

    // A value's text as the provider keeps it; null for JSON's null.
    private string? ReadScalar()
    {
        if (Peek() == '"')
        {
            return ReadString();
        }

        if (TryLiteral("true"))
        {
            return bool.TrueString;
        }

        if (TryLiteral("false"))
        {
            return bool.FalseString;
        }

        if (TryLiteral("null"))
        {
            return null;
        }

        return ReadNumber();
    }

    private bool TryLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _at, literal, 0, literal.Length) != 0)
        {
            return false;
        }

        _at += literal.Length;
        return _at >= _text.Length || !char.IsAsciiLetterOrDigit(_text[_at]) ? true : throw Error("an unknown literal");
    }

    // JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written (the provider keeps the raw text).
    private string ReadNumber()
    {
        var start = _at;
        Optional('-');
        if (Optional('0'))
        {
            // a leading zero stands alone
        }
        else if (!Digits())
        {
            throw Error("an unexpected character");
        }

        if (Optional('.') && !Digits())
        {
            throw Error("a number without digits after its point");
        }

        if (Peek() is 'e' or 'E')
        {
            _at++;
            _ = Optional('+') || Optional('-');
            if (!Digits())
            {
                throw Error("a number without digits in its exponent");
            }
        }

        return _text[start.._at];
    }

    private bool Digits()
    {
        var start = _at;
        while (_at < _text.Length && char.IsAsciiDigit(_text[_at]))
        {
            _at++;
        }

        return _at > start;
    }

    private bool Optional(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        _at++;
        return true;
    }

    private string ReadString()
    {
        Expect('"');
        _scratch.Clear();
        while (true)
        {
            var c = Next();
            switch (c)
            {
                case '"':
                    return _scratch.ToString();
                case '\\':
                    _scratch.Append(Escaped());
                    break;
                case < ' ':
                    throw Error("a control character inside a string");
                default:
                    _scratch.Append(c); // a surrogate pair comes whole: the text was decoded from strict UTF-8
                    break;
            }
        }
    }

    private char Escaped() => Next() switch
    {
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'b' => '\b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'u' => UnicodeEscape(),
        _ => throw Error("an unknown escape"),
    };

    // \uXXXX; a surrogate must come as a pair of such escapes, as System.Text.Json requires.
    private char UnicodeEscape()
    {
        var c = Hex4();
        if (!char.IsSurrogate(c))
        {
            return c;
        }

        if (!char.IsHighSurrogate(c) || Next() != '\\' || Next() != 'u')
        {
            throw Error("a lone surrogate");
        }

        var low = Hex4();
        if (!char.IsLowSurrogate(low))
        {
            throw Error("a lone surrogate");
        }

        _scratch.Append(c);
        return low;
    }

    private char Hex4()
    {
        if (_at + 4 > _text.Length
            || !ushort.TryParse(_text.AsSpan(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Error("a \\u escape without four hex digits");
        }

        _at += 4;
        return (char)code;
    }

    // Whitespace and the comments the provider skips: // to the end of the line, /* to */.
    private void SkipSpace(bool comments = true)
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _at++;
            }
            else if (!comments || c != '/' || _at + 1 >= _text.Length)
            {
                return;
            }
            else if (_text[_at + 1] == '/')
            {
                var end = _text.IndexOfAny(['\n', '\r'], _at);
                _at = end < 0 ? _text.Length : end;
            }
            else if (_text[_at + 1] == '*')
            {
                var end = _text.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                _at = end < 0 ? throw Error("a comment that is not closed") : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void Expect(char c)
    {
        if (Next() != c)
        {
            _at--;
            throw Error($"'{c}' expected");
        }
    }

    private void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth}");
        }
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private char Next() => _at < _text.Length ? _text[_at++] : throw Error("the end of the file");

    private FormatException Error(string what) => new($"Not JSON as the configuration provider reads it: {what} at character {_at}.");
}
