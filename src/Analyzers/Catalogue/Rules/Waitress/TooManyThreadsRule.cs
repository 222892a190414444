using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0006: more request threads than the configured maximum.</summary>
    public static readonly TooManyThreadsRule TooManyThreads = Register(new TooManyThreadsRule());
}

/// <summary>PSC0006: More request threads than the configured maximum.</summary>
internal sealed class TooManyThreadsRule() : SettingRule(
        "PSC0006",
        "Too many request threads",
        "'{0}' is {1}, above {2}: more threads than that rarely serve more requests under the GIL and use more memory; start from 4 to 8, measure, and run more processes instead (raise the limit with ProdServer:Rules:MaxThreads in appsettings.json, which start-up and the build both read).",
        "waitress's threads share one Python interpreter lock, so beyond a handful they mostly wait. Large pools cost " +
        "memory and database connections; the waitress guide says \"don't overdo it\". The limit is 16 unless ProdServer:Rules:MaxThreads in appsettings.json (start-up and the build) or prodserver.max_threads in .editorconfig (the build only) sets another.",
        RuleCategories.Performance, RuleSeverity.Warning, RuleScope.Production)
{
    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [RuleBackends.Waitress];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) => ["Threads"];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        if (s.GetInteger("Threads") is { } threads && threads > context.MaxThreads)
        {
            findings.Add(new(this, "Threads", "Threads", threads, context.MaxThreads) { SafeValue = (long)context.MaxThreads });
        }
    }
}
