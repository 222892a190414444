namespace ProdServer.Config;

/// <summary>Host-wide supervision settings.</summary>
public sealed partial class ProdServerOptions
{
    /// <summary>
    /// What happens to the other processes when one ends for good (<c>ProdServer:OnGiveUp</c>). Default
    /// <see cref="GiveUpPolicy.StopAll"/>.
    /// </summary>
    public GiveUpPolicy OnGiveUp { get; set; } = GiveUpPolicy.StopAll;
}
