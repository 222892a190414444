namespace ProdServer.Config.Analyzers;

/// <summary>A rule that fired: which rule, the setting to point at, and the message's arguments.</summary>
internal sealed class RuleFinding
{
    public RuleFinding(RuleInfo rule, string setting, params object[] arguments)
    {
        Rule = rule;
        Setting = setting;
        Arguments = arguments;
    }

    /// <summary>The rule.</summary>
    public RuleInfo Rule { get; }

    /// <summary>The property (or process key such as <c>App</c>) whose value the diagnostic points at.</summary>
    public string Setting { get; }

    /// <summary>The arguments of <see cref="RuleInfo.MessageFormat"/>.</summary>
    public object[] Arguments { get; }

    /// <summary>The value a code fix may put in place of the setting's (a <see cref="long"/> or a <see cref="string"/>), when there is an obvious one.</summary>
    public object? SafeValue { get; set; }

    /// <summary>The formatted message.</summary>
    public string Message => Rule.FormatMessage(Arguments);
}
