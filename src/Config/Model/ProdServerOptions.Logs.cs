namespace ProdServer.Config;

/// <summary>Host-wide settings of the servers' logs.</summary>
public sealed partial class ProdServerOptions
{
    /// <summary>How the servers' output travels to <c>ILogger</c>: the buffer size and what happens when it is full (<c>ProdServer:Logs</c>).</summary>
    public ProdServerLogOptions Logs { get; } = new();
}
