using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// The start-up side of PSC0112: a backend's rules refuse the settings pairs it declares in
/// <see cref="ExclusiveSettingsRule"/>, with the rule's words, so build time and start-up judge the same pairs.
/// </summary>
internal static class ExclusiveSettingsValidation
{
    /// <summary>Refuses each pair of <paramref name="backend"/>'s exclusive settings given together, naming the first setting.</summary>
    public static void ExclusiveSettings(this ArgsProblems found, RuleBackend backend)
    {
        foreach (var (setting, problem) in ExclusiveSettingsRule.Conflicts(backend, found.Settings))
        {
            found.Add(setting, ExclusiveSettingsRule.Message(problem));
        }
    }
}
