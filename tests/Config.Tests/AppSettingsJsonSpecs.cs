using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The appsettings reader used before the host exists gives exactly what the host's JSON provider gives, on generated
/// documents (comments, trailing commas, escapes, surrogate pairs, numbers, empty objects and arrays, keys differing only
/// in case), and never accepts a document the provider refuses or reads differently (the same documents, damaged).
/// </summary>
public sealed class AppSettingsJsonSpecs
{
    private static readonly string[] Keys = ["ProdServer", "Processes", "web", "Web", "Args", "a", "b", "", "é", "x y", "ü😀", "0"];

    private static readonly string[] Strings =
        ["", "mysite.wsgi:application", "a\\\"b", "\\\\", "\\/", "\\b\\f\\n\\r\\t", "\\u00e9", "\\ud83d\\ude00", "😀", "\\u0000", "ü", "'", " "];

    private static readonly string[] Numbers = ["0", "-0", "12", "-1.5", "1e3", "2.5E-7", "-0.0e+1", "123456789012345678901234567890"];

    // The bytes a damaged document may gain: structure, quotes, escapes, comment starts and stray letters.
    private static readonly char[] Damage = [',', '{', '}', '[', ']', '"', '\\', '/', '*', ':', 'x', '0', '-', '.', 'e', ' ', '\n', '\u0001', 't'];

    private static readonly Gen<string> Documents = Gen.Int.Select(seed => Document(new Random(seed)));

    [Fact]
    public void Generated_documents_flatten_as_the_hosts_JSON_provider_flattens_them()
    {
        var (agreed, bothRefused) = (0, 0);
        Documents.Sample(
            text =>
            {
                var provider = Provider(text);
                var ours = Ours(text);
                Assert.Equal(provider is null, ours is null);
                if (ours is null)
                {
                    bothRefused++; // a key written twice, with another case: the provider refuses it too
                    return;
                }

                Assert.Equal(provider, ours);
                agreed++;
            },
            iter: 2_000, threads: 1, print: text => text);

        Assert.True(agreed > 1_000, $"{agreed} agreed, {bothRefused} refused by both: too few documents were read");
    }

    [Fact]
    public void A_damaged_document_is_refused_or_read_exactly_as_the_provider_reads_it()
    {
        var (accepted, refused) = (0, 0);
        Gen.Select(Documents, Gen.Int[0, int.MaxValue], Gen.Int[0, Damage.Length - 1], Gen.Bool).Sample(
            (text, at, piece, insert) =>
            {
                var position = at % (text.Length + 1);
                var damaged = insert || position == text.Length
                    ? text.Insert(position, Damage[piece].ToString())
                    : text.Remove(position, 1);
                if (Ours(damaged) is not { } ours)
                {
                    refused++;
                    return;
                }

                Assert.Equal(Provider(damaged), ours);
                accepted++;
            },
            iter: 3_000, threads: 1, print: s => s.ToString());

        Assert.True(accepted > 100 && refused > 1_000, $"{accepted} accepted, {refused} refused");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"ProdServer\"")]
    [InlineData("{\"a\": 1} {}")]
    [InlineData("{\"a\": 01}")]
    [InlineData("{\"a\": .5}")]
    [InlineData("{\"a\": 1.}")]
    [InlineData("{\"a\": tru}")]
    [InlineData("{\"a\": trueish}")]
    [InlineData("{\"a\": \"\\ud800\"}")]
    [InlineData("{\"a\": \"\\x\"}")]
    [InlineData("{\"a\": \"tab\there\"}")]
    [InlineData("{\"a\": 1 /* open comment}")]
    [InlineData("{\"a\": 1, \"A\": 2}")]
    [InlineData("{\"a\" /* a comment */ : 1}")]
    [InlineData("{,}")]
    [InlineData("{\"a\": [,]}")]
    [InlineData("")]
    public void What_the_provider_refuses_is_refused(string text)
    {
        Assert.Null(Provider(text));
        Assert.Throws<FormatException>(() => AppSettingsJson.Flatten(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Nesting_deeper_than_the_providers_limit_is_refused()
    {
        var deep = "{\"a\": " + new string('[', 70) + new string(']', 70) + "}";

        Assert.Null(Provider(deep));
        Assert.Throws<FormatException>(() => AppSettingsJson.Flatten(Encoding.UTF8.GetBytes(deep)));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_invalid_UTF8_is_refused()
    {
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"a\": \"é\"}")).ToArray();

        Assert.Equal("é", AppSettingsJson.Flatten(bom)["a"]);
        Assert.Throws<FormatException>(() => AppSettingsJson.Flatten([(byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}']));
    }

    // The keys and values as the host sees them: a configuration root over each reading, every key (sections included).
    private static List<(string, string?)>? Provider(string text)
    {
        try
        {
            return Entries(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(text))).Build());
        }
#pragma warning disable CA1031 // whatever the provider throws means it refuses the document
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static List<(string, string?)>? Ours(string text)
    {
        try
        {
            return Entries(new ConfigurationBuilder().AddInMemoryCollection(AppSettingsJson.Flatten(Encoding.UTF8.GetBytes(text))).Build());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Which spelling of a key differing only in case survives a merge is not part of the contract: compared without case.
    private static List<(string, string?)> Entries(IConfiguration configuration) =>
        [.. configuration.AsEnumerable().Select(p => (p.Key.ToUpperInvariant(), p.Value)).OrderBy(p => p.Item1, StringComparer.Ordinal)];

    private static string Document(Random random)
    {
        var text = new StringBuilder();
        Space(random, text);
        Object(random, text, 0);
        Space(random, text);
        return text.ToString();
    }

    private static void Value(Random random, StringBuilder text, int depth)
    {
        switch (random.Next(depth > 4 ? 3 : 5))
        {
            case 0:
                text.Append('"').Append(Strings[random.Next(Strings.Length)]).Append('"');
                break;
            case 1:
                text.Append(Numbers[random.Next(Numbers.Length)]);
                break;
            case 2:
                text.Append(new[] { "true", "false", "null" }[random.Next(3)]);
                break;
            case 3:
                Object(random, text, depth + 1);
                break;
            default:
                Items(random, text, '[', ']', depth + 1, (r, t) => Value(r, t, depth + 1));
                break;
        }
    }

    // Distinct keys in each object, mostly: a repeat (or one differing only in case) now and then, which both refuse.
    private static void Object(Random random, StringBuilder text, int depth)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Items(random, text, '{', '}', depth, (r, t) =>
        {
            var key = Keys[r.Next(Keys.Length)];
            if (!used.Add(key) && r.Next(4) != 0)
            {
                key += used.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                used.Add(key);
            }

            t.Append('"').Append(key).Append('"');
            t.Append(r.Next(3) == 0 ? " " : string.Empty); // no comment here: System.Text.Json refuses one before the colon
            t.Append(':');
            Space(r, t);
            Value(r, t, depth);
        });
    }

    private static void Items(Random random, StringBuilder text, char open, char close, int depth, Action<Random, StringBuilder> item)
    {
        text.Append(open);
        var count = random.Next(depth > 4 ? 2 : 5);
        for (var i = 0; i < count; i++)
        {
            Space(random, text);
            item(random, text);
            Space(random, text);
            if (i < count - 1 || random.Next(4) == 0)
            {
                text.Append(','); // a trailing comma now and then, which the provider allows
            }
        }

        Space(random, text);
        text.Append(close);
    }

    private static void Space(Random random, StringBuilder text) =>
        text.Append(random.Next(8) switch
        {
            0 => " // a comment\n",
            1 => "/* a comment */",
            2 => "\n  ",
            3 => "\t",
            _ => string.Empty,
        });
}
