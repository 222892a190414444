namespace ProdServer.Config.Generators;

/// <summary>Names of the pipeline steps, so that tests can check each one is cached or unchanged after an unrelated edit.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string ParseAliased = nameof(ParseAliased);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
}
