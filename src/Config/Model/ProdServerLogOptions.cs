namespace ProdServer.Config;

/// <summary>How the servers' output travels to <c>ILogger</c> (<c>ProdServer:Logs</c>); see docs/operations.md#logs.</summary>
public sealed class ProdServerLogOptions
{
    /// <summary>The default <see cref="BufferBytes"/>: 2 MiB.</summary>
    public const int DefaultBufferBytes = 2 * 1024 * 1024;

    /// <summary>The smallest <see cref="BufferBytes"/>: 64 KiB, room for the longest line (16 KiB of text) and more.</summary>
    public const int MinimumBufferBytes = SettingRules.MinimumBufferBytes;

    /// <summary>The largest <see cref="BufferBytes"/>: 1 GiB.</summary>
    public const int MaximumBufferBytes = SettingRules.MaximumBufferBytes;

    /// <summary>
    /// The memory the lines waiting for the logger may take, per process (<c>ProdServer:Logs:BufferBytes</c>; 2 bytes a
    /// character plus 48 a line). Default <see cref="DefaultBufferBytes"/>.
    /// </summary>
    public int BufferBytes { get; set; } = DefaultBufferBytes;

    /// <summary>What happens when the buffer is full (<c>ProdServer:Logs:Overflow</c>). Default <see cref="LogOverflow.Block"/>: nothing is lost.</summary>
    public LogOverflow Overflow { get; set; } = LogOverflow.Block;
}
