using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The rules for Django's base command options, which every <c>manage.py</c> backend's rules check.</summary>
internal static class DjangoCommandOptionsRules
{
    /// <summary>Adds what is wrong with Django's base command options in <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(IDjangoCommandOptions a, ArgsProblems found)
    {
        // Django's BaseCommand raises CommandError("The --no-color and --force-color options can't be used together.").
        // ForceColor with NoColor: PSC0112's pair, refused by each backend's ExclusiveSettings call.
        found.If(a.Settings is not null && !PythonTargetSyntax.IsDottedName(a.Settings), nameof(a.Settings),
            $"Settings must be a dotted module such as mysite.settings, got {Quoted.Value(a.Settings)}.");
        found.NotBlankWhenSet(a.PythonPath, nameof(a.PythonPath), "PythonPath must be a directory.");
    }
}
