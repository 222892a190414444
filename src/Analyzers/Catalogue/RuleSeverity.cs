namespace ProdServer.Config.Analyzers;

/// <summary>A rule's default severity, in words both Roslyn and the runtime map from (<c>.editorconfig</c>'s words).</summary>
internal enum RuleSeverity
{
    /// <summary>Shown as a suggestion; logged at start as information.</summary>
    Info,

    /// <summary>A build warning; logged at start as a warning.</summary>
    Warning,

    /// <summary>A build error; stops the start in the Production environment.</summary>
    Error,
}
