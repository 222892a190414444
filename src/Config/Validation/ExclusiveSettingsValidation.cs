using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// The start-up side of PSC0112: a validator refuses the settings pairs its backend declares in
/// <see cref="ExclusiveSettingsRule"/>, with the rule's words, so build time and start-up judge the same pairs.
/// </summary>
internal static class ExclusiveSettingsValidation
{
    /// <summary>Refuses each pair of <paramref name="backend"/>'s exclusive settings given together, naming the first setting.</summary>
    public static void ExclusiveSettings<T>(this AbstractValidator<T> validator, RuleBackend backend)
        where T : IServerArgs =>
        validator.RuleFor(args => args).Custom((args, context) =>
        {
            foreach (var (setting, problem) in ExclusiveSettingsRule.Conflicts(backend, ServerArgsSettings.Of(context)))
            {
                context.AddFailure(setting, ExclusiveSettingsRule.Message(problem));
            }
        });
}
