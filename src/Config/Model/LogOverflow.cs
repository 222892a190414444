namespace ProdServer.Config;

/// <summary>What the engine does when a server writes faster than the logger takes its lines (<c>ProdServer:Logs:Overflow</c>).</summary>
public enum LogOverflow
{
    /// <summary>
    /// Nothing is lost: once <see cref="ProdServerLogOptions.BufferBytes"/> wait for the logger, the engine stops reading
    /// the server's pipe, so the server waits in its next write until the logger catches up. The default.
    /// </summary>
    Block,

    /// <summary>The server never waits: lines that do not fit in the buffer are dropped, counted and the count logged.</summary>
    Drop,
}
