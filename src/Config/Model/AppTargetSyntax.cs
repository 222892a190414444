using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The app-target spellings several servers share, checked before launch so a typo is one line, not a traceback.</summary>
internal static class AppTargetSyntax
{
    /// <summary>
    /// The problem with <paramref name="app"/> for a server that imports <c>module:object</c> only (dotted names on both
    /// sides), or <see langword="null"/> when it is that form.
    /// </summary>
    /// <param name="app">The app target.</param>
    /// <param name="example">An example for the message, such as <c>mysite.wsgi:application</c>.</param>
    /// <param name="form">The server's form: <see cref="AppTargetForm.ModuleObject"/>, or <see cref="AppTargetForm.AsciiModuleObject"/> for waitress.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    /// <remarks>The condition is PSC0103's (<see cref="AppTargets.Accepts"/>), written once for build time and start-up.</remarks>
    public static string? ModuleColonObjectProblem(string app, string example, AppTargetForm form = AppTargetForm.ModuleObject) =>
        AppTargets.Accepts(form, app) ? null
        : AppTargets.Accepts(AppTargetForm.ModuleObject, app) ? $"App '{app}' must be 'module:object' in ASCII letters, digits and _: the server matches it with an ASCII pattern before it imports (waitress: \"Malformed application\"), for example {example}."
        : $"App '{app}' must be 'module:object', for example {example}.";
}
