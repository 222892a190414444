using System;
using System.Text;

namespace ProdServer.Config.Generators;

/// <summary>Indents with four spaces and ends lines with '\n' on every OS, so the output does not depend on the build machine.</summary>
internal sealed class CodeWriter
{
    // A ten-flag record's file is ~12k characters; starting near that spares the builder its growth steps, which were half
    // of the emitter's time (issue 15). Still below the large-object heap's 85 KB. One builder per thread is reused from
    // record to record (Finish hands it back): a new one per record was a fifth of everything the generator allocated.
    private const int InitialCapacity = 16 * 1024;
    private const int KeptCapacity = 40 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_spare;

    private StringBuilder _builder;
    private int _depth;

    public CodeWriter()
    {
        _builder = t_spare ?? new StringBuilder(InitialCapacity);
        t_spare = null;
        _builder.Clear();
    }

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

    /// <summary>Starts a line at the current indentation; the caller writes the rest, '\n' included, through the builder returned.</summary>
    public StringBuilder StartLine() => _builder.Append(' ', _depth * 4);

    public override string ToString() => _builder.ToString();

    /// <summary>The text written, after which this writer is done with: its builder goes back for the next record.</summary>
    public string Finish()
    {
        var text = _builder.ToString();
        if (_builder.Capacity <= KeptCapacity)
        {
            t_spare = _builder;
        }

        _builder = new StringBuilder(0);
        return text;
    }
}
