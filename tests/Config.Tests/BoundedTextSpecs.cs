using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Tests;

public sealed class BoundedTextSpecs
{
    private static StreamReader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("1.2.3", 5, "1.2.3", false)]
    [InlineData("1.2.3\n", 5, "1.2.3", true)]
    [InlineData("", 5, "", false)]
    public async Task It_keeps_at_most_the_limit_and_says_whether_there_was_more(string written, int limit, string kept, bool truncated)
    {
        var (text, more) = await BoundedText.ReadAsync(Reader(written), limit, stopAtLimit: false, CancellationToken.None);

        Assert.Equal(kept, text);
        Assert.Equal(truncated, more);
    }

    [Fact]
    public async Task Past_the_limit_it_reads_the_stream_to_its_end_unless_told_to_stop_there()
    {
        var written = new string('x', 100_000);
        using var drained = Reader(written);
        using var stopped = Reader(written);

        var (drainedText, _) = await BoundedText.ReadAsync(drained, 10, stopAtLimit: false, CancellationToken.None);
        var (stoppedText, _) = await BoundedText.ReadAsync(stopped, 10, stopAtLimit: true, CancellationToken.None);

        Assert.Equal(10, drainedText.Length);
        Assert.Equal(10, stoppedText.Length);
        Assert.Equal(drained.BaseStream.Length, drained.BaseStream.Position);
        Assert.True(stopped.BaseStream.Position < stopped.BaseStream.Length);
    }
}
