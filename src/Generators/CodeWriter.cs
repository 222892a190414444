using System.Text;

namespace ProdServer.Config.Generators;

/// <summary>Indents with four spaces and ends lines with '\n' on every OS, so the output does not depend on the build machine.</summary>
internal sealed class CodeWriter
{
    // A ten-flag record's file is ~12k characters; starting near that spares the builder its growth steps, which were half
    // of the emitter's time (issue 15). Still below the large-object heap's 85 KB.
    private readonly StringBuilder _builder = new(16 * 1024);
    private int _depth;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _depth * 4).Append(text);
        }

        _builder.Append('\n');
    }

    public void Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _depth++;
    }

    public void Close()
    {
        _depth--;
        Line("}");
    }

    public void Indent() => _depth++;

    public void Dedent() => _depth--;

    public override string ToString() => _builder.ToString();
}
