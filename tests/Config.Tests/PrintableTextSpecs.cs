using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Text shown to an operator (messages, comment lines, the dry run's commands) shows a bidirectional control as an
/// escape, so a name or value is displayed in the order it is written ("Trojan Source"), and keeps what is harmless.
/// </summary>
public sealed class PrintableTextSpecs
{
    [Theory]
    [InlineData("bew\u202Eweb", @"bew\u202eweb")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De", @"a\u202ab\u202bc\u202cd\u202de")]
    [InlineData("\u2066x\u2067y\u2068z\u2069", @"\u2066x\u2067y\u2068z\u2069")]
    public void A_message_shows_every_embedding_override_and_isolate_control_escaped(string text, string shown) =>
        Assert.Equal(shown, Names.Printable(text, 200));

    [Theory]
    [InlineData("\u200F")] // a right-to-left mark reorders nothing after it
    [InlineData("مرحبا web")]
    [InlineData("😀")]
    public void Right_to_left_text_marks_and_paired_surrogates_are_kept(string text) =>
        Assert.Equal(text, Names.Printable(text, 200));

    [Fact]
    public void A_command_word_with_an_override_is_written_in_bashs_escaped_form_on_one_line() =>
        Assert.Equal(@"$'--ident=\u202enimda'", ShellQuoting.QuoteOneLine("--ident=\u202Enimda"));
}
