namespace ProdServer.Config.Analyzers;

/// <summary>
/// Every diagnostic ID the analyzers report, named by intent. An ID is never reused or renumbered, even when its rule
/// is removed; <c>PSC0xxx</c> belong to the analyzers, <c>PSC1xxx</c> to the generator.
/// </summary>
/// <remarks>Plain constants only, so that the runtime can link this file without referencing Roslyn.</remarks>
internal static class RuleIdentifiers
{
    /// <summary>Waitress's <c>--expose-tracebacks</c> is switched on in code.</summary>
    public const string ExposeTracebacksInProduction = "PSC0001";
}
