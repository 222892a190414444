namespace ProdServer.Config;

/// <summary>The control endpoint of a running host.</summary>
public sealed partial class ProdServerOptions
{
    /// <summary>Whether and where the running host listens for <c>status</c>, <c>restart</c>, <c>tail</c>, … (<c>ProdServer:Control</c>).</summary>
    public ProdServerControlOptions Control { get; } = new();
}
