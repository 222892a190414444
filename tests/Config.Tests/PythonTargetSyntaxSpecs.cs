using System.Text.RegularExpressions;
using CsCheck;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The app-target, module and import-path checks are loops (a first start runs them right after the fork, where a regex's
/// first match is costly); the regexes they replaced are their specification here, compared on generated targets built from the
/// characters that matter (identifier characters, dots, colons, parentheses, white space, a newline, non-ASCII letters).
/// </summary>
public sealed partial class PythonTargetSyntaxSpecs
{
    private static readonly Gen<string> Target = Gen.OneOf(
            Gen.OneOf("mysite", "wsgi", "app", "_", "0", ".", ":", "(", ")", "()", ".py", "/", " ", "\t", "\n", "\u00a0", "é", "٣", "=", "'"),
            Gen.Char.AlphaNumeric.Select(c => c.ToString()))
        .Array[0, 10].Select(string.Concat);

    [Theory]
    [InlineData("mysite.wsgi:application")]
    [InlineData("app:create_app(debug=False)")]
    [InlineData("app:create_app()\n")]
    [InlineData("src/app.py:app")]
    [InlineData("a b.py")]
    [InlineData("mysite.wsgi:")]
    [InlineData(".py")]
    [InlineData("myapp.workers.MyWorker")]
    [InlineData("mysite.settings.")]
    public void Known_targets_read_as_their_regexes_read_them(string app) => AssertSame(app);

    [Fact]
    public void Generated_targets_read_as_their_regexes_read_them() => Target.Sample(AssertSame, iter: 20000);

    private static void AssertSame(string app)
    {
        Assert.Equal(ModuleTarget().IsMatch(app), PythonTargetSyntax.IsModuleTarget(app));
        Assert.Equal(GunicornTarget().IsMatch(app), PythonTargetSyntax.IsModuleTarget(app, allowCall: true));
        Assert.Equal(FileTarget().IsMatch(app), PythonTargetSyntax.IsFileTarget(app));
        Assert.Equal(DottedModule().IsMatch(app), PythonTargetSyntax.IsDottedName(app));
        Assert.Equal(ImportPath().IsMatch(app), PythonTargetSyntax.IsImportPath(app));
    }

    // Celery's and granian's module target, before this change.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(:[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)?\z")]
    private static partial Regex ModuleTarget();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(:[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\(.*\))?)?\z")]
    private static partial Regex GunicornTarget();

    [GeneratedRegex(@"^[^:\s]+\.py(:[A-Za-z_][A-Za-z0-9_]*)?\z")]
    private static partial Regex FileTarget();

    // Django's settings module and the import's settings name (DottedModule, ModuleName), before this change.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\z")]
    private static partial Regex DottedModule();

    // RQ's and gunicorn's worker and job classes (DottedPath), before this change.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+\z")]
    private static partial Regex ImportPath();
}
