using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>runserver</c> enforces, checked before launch.</summary>
internal static class DjangoDevServerArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(DjangoDevServerArgs a, ArgsProblems found)
    {
        DjangoCommandOptionsRules.Check(a, found);

        found.ExclusiveSettings(RuleBackends.DjangoDevServer);

        found.ExtraArgs(a, a.ExtraArgs);
    }
}
