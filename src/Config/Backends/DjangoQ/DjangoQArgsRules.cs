using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>qcluster</c> enforces, checked before launch.</summary>
internal static class DjangoQArgsRules
{
    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(DjangoQArgs a, ArgsProblems found)
    {
        DjangoCommandOptionsRules.Check(a, found);
        found.ExclusiveSettings(RuleBackends.DjangoQ);

        found.NotBlankWhenSet(a.Name, nameof(a.Name), "Name must not be empty; leave it unset to use Q_CLUSTER['name'].");

        found.ExtraArgs(a, a.ExtraArgs);
    }
}
