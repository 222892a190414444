using System.Text.RegularExpressions;
using CsCheck;
using ProdServer.Config.Analyzers;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The app-target, module and import-path checks are loops (a first start runs them right after the fork, where a regex's
/// first match is costly); regexes over Python's identifier (PEP 3131: a letter, a letter-like number or _, then those,
/// combining marks, digits and connector punctuation) are their specification here, compared on generated targets built
/// from the characters that matter (identifier characters, dots, colons, parentheses, white space, a newline, letters,
/// marks and digits of other scripts, a direction override, a zero-width joiner, a surrogate pair).
/// </summary>
public sealed partial class PythonTargetSyntaxSpecs
{
    private static readonly Gen<string> Target = Gen.OneOf(
            Gen.OneOf("mysite", "wsgi", "app", "_", "0", ".", ":", "(", ")", "()", ".py", "/", " ", "\t", "\n", "\u00a0", "é", "٣", "=", "'",
                "\u0301", "\u203f", "\u2160", "\u202e", "\u200d", "\U0001d49c", "ß", "中"),
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
    [InlineData("café.wsgi:application")]
    [InlineData("cafe\u0301.wsgi:application")]
    [InlineData("mysite.wsgi:app\u202e")]
    [InlineData("\u0301mysite.wsgi:application")]
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
        Assert.Equal(ModuleObject().IsMatch(app), PythonTargetSyntax.IsModuleObject(app));
    }

    // An identifier (ID below): [\p{L}\p{Nl}_][\p{L}\p{Nl}_\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*
    private const string Id = @"[\p{L}\p{Nl}_][\p{L}\p{Nl}_\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*";

    // Celery's and granian's module target: module[:object].
    [GeneratedRegex("^" + Id + @"(\." + Id + ")*(:" + Id + @"(\." + Id + @")*)?\z")]
    private static partial Regex ModuleTarget();

    // gunicorn's: module[:object], where the object is one name, maybe called (ast: a Name, or a Call of a Name).
    [GeneratedRegex("^" + Id + @"(\." + Id + ")*(:" + Id + @"(\(.*\))?)?\z")]
    private static partial Regex GunicornTarget();

    // granian's file target: path/to/file.py[:object].
    [GeneratedRegex(@"^[^:\s]+\.py(:" + Id + @")?\z")]
    private static partial Regex FileTarget();

    // Django's settings module and the import's settings name.
    [GeneratedRegex("^" + Id + @"(\." + Id + @")*\z")]
    private static partial Regex DottedModule();

    // RQ's and gunicorn's worker and job classes.
    [GeneratedRegex("^" + Id + @"(\." + Id + @")+\z")]
    private static partial Regex ImportPath();

    // waitress's, uvicorn's, daphne's and hypercorn's module:object (PSC0103's default form).
    [GeneratedRegex("^" + Id + @"(\." + Id + ")*:" + Id + @"(\." + Id + @")*\z")]
    private static partial Regex ModuleObject();
}
