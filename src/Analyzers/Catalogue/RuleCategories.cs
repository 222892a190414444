namespace ProdServer.Config.Analyzers;

/// <summary>The categories of our rules, as shown in the IDE and used by <c>.editorconfig</c>'s <c>dotnet_analyzer_diagnostic.category-*</c>.</summary>
/// <remarks>Plain constants only, so that the runtime can link this file without referencing Roslyn.</remarks>
internal static class RuleCategories
{
    /// <summary>Settings that leak information or weaken the server in production.</summary>
    public const string Security = "Security";

    /// <summary>Settings the server rejects or silently ignores.</summary>
    public const string Usage = "Usage";

    /// <summary>Settings that make the server slow or fragile under load.</summary>
    public const string Performance = "Performance";

    /// <summary>Settings that make the server hard to operate (logs, shutdown, supervision).</summary>
    public const string Reliability = "Reliability";
}
