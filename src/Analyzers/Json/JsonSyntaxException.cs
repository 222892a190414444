using System;

namespace ProdServer.Config.Analyzers.Json;

/// <summary>Text that is not JSON the configuration provider reads: where (an offset in the text) and why.</summary>
internal sealed class JsonSyntaxException(int offset, string reason) : FormatException($"Invalid JSON at offset {offset}: {reason}.")
{
    /// <summary>The offset of the character the reader stopped at.</summary>
    public int Offset { get; } = offset;

    /// <summary>What is wrong there, without the offset.</summary>
    public string Reason { get; } = reason;
}
