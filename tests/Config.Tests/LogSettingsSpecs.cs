using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The log path's settings (<c>ProdServer:Logs</c>), the escaping of server output for the terminal, and the splitting
/// of overlong lines.
/// </summary>
public sealed class LogSettingsSpecs
{
    private const string App = "mysite.wsgi:application";

    [Fact]
    public void By_default_nothing_is_dropped_and_the_buffer_holds_2_MiB()
    {
        var options = Options.Resolve(o => o.UseWaitress(App));

        Assert.Equal(LogOverflow.Block, options.Logs.Overflow);
        Assert.Equal(2 * 1024 * 1024, options.Logs.BufferBytes);
    }

    [Fact]
    public void I_can_choose_Drop_and_the_buffer_size_in_configuration()
    {
        var options = Options.Resolve(o => o.UseWaitress(App), new Dictionary<string, string?>
        {
            ["ProdServer:Logs:Overflow"] = "drop",
            ["ProdServer:Logs:BufferBytes"] = "1048576",
        });

        Assert.Equal(LogOverflow.Drop, options.Logs.Overflow);
        Assert.Equal(1024 * 1024, options.Logs.BufferBytes);
    }

    [Theory]
    [InlineData("Overflow", "Sometimes", "Logs:Overflow 'Sometimes' (ProdServer:Logs:Overflow) must be Block or Drop.")]
    [InlineData("Overflow", "1", "Logs:Overflow '1' (ProdServer:Logs:Overflow) must be Block or Drop.")]
    [InlineData("BufferBytes", "1024", "Logs:BufferBytes '1024' (ProdServer:Logs:BufferBytes) must be a whole number of bytes from 65536 to 1073741824.")]
    [InlineData("BufferBytes", "2MB", "Logs:BufferBytes '2MB' (ProdServer:Logs:BufferBytes) must be a whole number of bytes from 65536 to 1073741824.")]
    [InlineData("Lines", "10", "ProdServer:Logs:Lines is not a log setting; expected one of Overflow, BufferBytes.")]
    public void A_wrong_log_setting_is_an_error_naming_the_key(string key, string value, string expected)
    {
        var failure = Options.SingleFailure(o => o.UseWaitress(App), new Dictionary<string, string?> { ["ProdServer:Logs:" + key] = value });

        Assert.Equal(expected, failure);
    }

    [Fact]
    public void A_buffer_size_out_of_range_set_in_code_is_an_error_too()
    {
        var failure = Options.SingleFailure(o =>
        {
            o.UseWaitress(App);
            o.Options.Logs.BufferBytes = 10;
        });

        Assert.Equal("Logs:BufferBytes must be from 65536 to 1073741824 bytes, got 10. (ProdServer:Logs:BufferBytes)", failure);
    }

    [Fact]
    public void Escaping_leaves_no_control_character_but_tab_and_keeps_every_other_character()
    {
        Gen.String.Sample(text =>
        {
            var escaped = LogText.Escape(text);
            var clean = !text.Any(IsEscaped);
            return !escaped.Any(IsEscaped)
                && (clean ? ReferenceEquals(text, escaped) : escaped.Length > text.Length)
                && (text.Contains('\\', System.StringComparison.Ordinal) || Unescape(escaped) == text);
        }, iter: 20_000);
    }

    [Fact]
    public void A_bidirectional_control_becomes_visible_text_so_a_line_is_shown_in_the_order_it_was_written()
    {
        Assert.Equal(@"user \u202enimda\u202c logged in, \u2066x\u2069", LogText.Escape("user \u202Enimda\u202C logged in, \u2066x\u2069"));
        Assert.Equal(@"web \u202b\u202a\u202d\u2067\u2068", LogText.Escape("web \u202B\u202A\u202D\u2067\u2068"));
        Assert.Equal("\u200F is a mark, not an override", LogText.Escape("\u200F is a mark, not an override"));
    }

    [Fact]
    public void An_ESC_sequence_becomes_visible_text()
    {
        Assert.Equal(@"\u001b[2J\u001b]0;owned\u0007 tab	ok", LogText.Escape("\u001b[2J\u001b]0;owned\u0007 tab\tok"));
    }

    [Fact]
    public void Lines_come_out_whole_or_in_pieces_of_at_most_16_KiB_that_never_cut_a_character_and_together_hold_every_byte()
    {
        // Lines of every length around the limit, with multi-byte characters placed to straddle piece boundaries.
        var line = Gen.Select(Gen.Int[0, 40_000], Gen.OneOf(Gen.Const("x"), Gen.Const("é"), Gen.Const("€"), Gen.Const("𝄞")), (n, c) => string.Concat(Enumerable.Repeat(c, n / c.Length)));
        line.Array[0, 4].Sample(lines =>
        {
            var input = string.Concat(lines.Select(l => l + "\n"));
            var received = new List<(string Text, SplitLine Split)>();
            PipeLines.Read(new MemoryStream(Encoding.UTF8.GetBytes(input)), (text, split, _) => received.Add((text, split)));

            var overlong = lines.Count(l => Encoding.UTF8.GetByteCount(l) > PipeLines.LongestLine);
            return received.All(r => Encoding.UTF8.GetByteCount(r.Text) <= PipeLines.LongestLine && !r.Text.Contains('\uFFFD', System.StringComparison.Ordinal))
                && string.Concat(received.Select(r => r.Text)) == string.Concat(lines)
                && received.Count(r => r.Split.IsSplit) == overlong
                && received.Where(r => r.Split.IsSplit).Select(r => r.Split.Bytes).SequenceEqual(
                    lines.Where(l => Encoding.UTF8.GetByteCount(l) > PipeLines.LongestLine).Select(l => (long)Encoding.UTF8.GetByteCount(l)));
        }, iter: 200);
    }

    [Fact]
    public void Each_line_says_whether_another_line_of_the_same_read_follows_it()
    {
        // Two reads, the first ending in the middle of a line: what the server wrote together is handed over together.
        var received = new List<(string Text, bool More)>();
        PipeLines.Read(new ReadsStream("a\nb\nc", "d\ne\n", "tail"), (text, _, more) => received.Add((text, more)));

        Assert.Equal([("a", true), ("b", false), ("cd", true), ("e", false), ("tail", false)], received);
    }

    // A stream whose every Read returns the next of the given pieces, as a pipe returns what was written so far.
    private sealed class ReadsStream(params string[] reads) : Stream
    {
        private int _next;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new System.NotSupportedException();

        public override long Position { get => throw new System.NotSupportedException(); set => throw new System.NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_next == reads.Length)
            {
                return 0;
            }

            var bytes = Encoding.UTF8.GetBytes(reads[_next++]);
            bytes.CopyTo(buffer, offset);
            return bytes.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();

        public override void SetLength(long value) => throw new System.NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();
    }

    // The bidirectional embedding, override and isolate controls, spelled out rather than asked of the code under test.
    private static bool IsEscaped(char c) =>
        c != '\t' && (char.IsControl(c) || c is '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');

    // Only for the round trip above: a backslash already in the text is left alone by Escape, so unescape exactly the
    // forms it writes for characters that were escaped.
    private static string Unescape(string escaped)
    {
        var result = new StringBuilder();
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\' && i + 5 < escaped.Length && escaped[i + 1] == 'u'
                && int.TryParse(escaped.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var code) && IsEscaped((char)code))
            {
                result.Append((char)code);
                i += 5;
            }
            else
            {
                result.Append(escaped[i]);
            }
        }

        return result.ToString();
    }
}
