namespace ProdServer.Config.Analyzers;

/// <summary>
/// The text of every rule: title, message, description, category, default severity and help link.
/// <see cref="Rules"/> builds the Roslyn descriptors from these; keep the two in step and keep this file free of
/// Roslyn types, because the runtime links it to word its own start-up warnings the same way.
/// </summary>
internal static class RuleMetadata
{
    /// <summary>Where the rule pages live; each page is <c>docs/diagnostics/{ID}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/prodserver/ProdServer.Config/blob/main/docs/diagnostics/";

    /// <summary>The help page of a rule.</summary>
    /// <param name="id">A diagnostic ID such as <c>PSC0001</c>.</param>
    /// <returns>The address of <c>docs/diagnostics/{id}.md</c> on GitHub.</returns>
    public static string GetHelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary><see cref="RuleIdentifiers.ExposeTracebacksInProduction"/>.</summary>
    public static class ExposeTracebacksInProduction
    {
        /// <summary>The diagnostic ID.</summary>
        public const string Id = RuleIdentifiers.ExposeTracebacksInProduction;

        /// <summary>The title.</summary>
        public const string Title = "Tracebacks are exposed to clients";

        /// <summary>The message; <c>{0}</c> is the property name.</summary>
        public const string MessageFormat =
            "Process option '{0}' is set to true: waitress will show Python tracebacks to every client. Never enable it in production.";

        /// <summary>The description shown with the diagnostic.</summary>
        public const string Description =
            "With --expose-tracebacks, waitress sends the traceback of every unhandled exception in the response body. " +
            "Tracebacks reveal source paths, settings and data to anyone who can make the app fail. Use it only on a developer machine.";

        /// <summary>The category.</summary>
        public const string Category = RuleCategories.Security;

        /// <summary>The default severity, in <c>.editorconfig</c>'s words.</summary>
        public const string Severity = "warning";

        /// <summary>The help page.</summary>
        public const string HelpLink = HelpLinkBase + Id + ".md";
    }
}
