using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// Reads the build's target and the rules' thresholds from the analyzer options: MSBuild properties that the
/// package's <c>build/ProdServer.Config.props</c> makes visible (<c>build_property.*</c>) and <c>.editorconfig</c> keys.
/// </summary>
internal static class BuildTarget
{
    /// <summary>The <c>.editorconfig</c> key of <see cref="RuleContext.MaxThreads"/>.</summary>
    public const string MaxThreadsKey = "prodserver.max_threads";

    /// <summary>Whether the build produces a Windows app: a <c>win-*</c> runtime identifier, a <c>-windows</c> target framework, or the Windows target platform.</summary>
    public static bool TargetsWindows(AnalyzerConfigOptions global) =>
        (global.TryGetValue("build_property.RuntimeIdentifier", out var rid) && rid.StartsWith("win", StringComparison.OrdinalIgnoreCase))
        || (global.TryGetValue("build_property.TargetFramework", out var tfm) && tfm.IndexOf("-windows", StringComparison.OrdinalIgnoreCase) >= 0)
        || (global.TryGetValue("build_property.TargetPlatformIdentifier", out var platform) && string.Equals(platform, "Windows", StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule context for a file: its <c>.editorconfig</c> section first, then the global options.</summary>
    public static RuleContext CreateContext(AnalyzerConfigOptions file, AnalyzerConfigOptions global, bool targetsWindows, bool isDevelopment)
    {
        var context = new RuleContext { TargetsWindows = targetsWindows, IsDevelopment = isDevelopment };
        if ((file.TryGetValue(MaxThreadsKey, out var text) || global.TryGetValue(MaxThreadsKey, out text))
            && int.TryParse(text.Trim(), out var max) && max > 0)
        {
            context.MaxThreads = max;
        }

        return context;
    }

    /// <summary>The options of a syntax tree.</summary>
    public static AnalyzerConfigOptions For(AnalyzerOptions options, SyntaxTree tree) => options.AnalyzerConfigOptionsProvider.GetOptions(tree);
}
