using System.Globalization;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// One rule: its ID and text and defaults. Each rule is a subclass in its own file under <c>Catalogue/Rules/</c>, which
/// also registers it in <see cref="RuleRegistry"/>. The analyzer builds its <c>DiagnosticDescriptor</c> from this and the
/// runtime words its start-up messages from it, so the two can never disagree.
/// </summary>
/// <remarks>Free of Roslyn types: the runtime links the catalogue (see <c>src/Config/Config.csproj</c>).</remarks>
internal abstract class RuleInfo
{
    /// <summary>Where the rule pages live; each page is <c>docs/diagnostics/{ID}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/";

    protected RuleInfo(string id, string title, string messageFormat, string description, string category, RuleSeverity severity, RuleScope scope)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Description = description;
        Category = category;
        DefaultSeverity = severity;
        Scope = scope;
    }

    /// <summary>The diagnostic ID, <c>PSC####</c>.</summary>
    public string Id { get; }

    /// <summary>A one-line title; also the heading of the rule's page.</summary>
    public string Title { get; }

    /// <summary>The message, with <c>{0}</c>… placeholders; it always says what to do.</summary>
    public string MessageFormat { get; }

    /// <summary>Why the rule exists, in two or three sentences.</summary>
    public string Description { get; }

    /// <summary>One of <see cref="RuleCategories"/>.</summary>
    public string Category { get; }

    /// <summary>The default severity.</summary>
    public RuleSeverity DefaultSeverity { get; }

    /// <summary>Where the rule applies.</summary>
    public RuleScope Scope { get; }

    /// <summary>
    /// The runtime type (in <c>ProdServer.Config</c>) that refuses what this rule reports, at start-up and in every
    /// environment, in its own words, because the server would fail or ignore it; <see langword="null"/> when the start-up
    /// rules check reports it. That validator asks this rule's condition, so the constraint is written once and reported once.
    /// </summary>
    public virtual string? EnforcedAtStartBy => null;

    /// <summary>The rule's page, <c>docs/diagnostics/{Id}.md</c>.</summary>
    public string HelpLink => GetHelpLink(Id);

    /// <summary>The help page of a rule.</summary>
    /// <param name="id">A diagnostic ID such as <c>PSC0001</c>.</param>
    /// <returns>The address of <c>docs/diagnostics/{id}.md</c> on GitHub.</returns>
    public static string GetHelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary>The message for these arguments.</summary>
    public string FormatMessage(object[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
}

/// <summary>Which environments a rule is about.</summary>
internal enum RuleScope
{
    /// <summary>Advice for production: not reported inside <c>IsDevelopment()</c> or for <c>appsettings.Development.json</c>.</summary>
    Production,

    /// <summary>The server refuses the setting everywhere, so development code is reported too.</summary>
    Everywhere,
}
