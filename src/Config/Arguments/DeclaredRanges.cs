using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// The start-up check of the ranges declared on the flags (<see cref="FlagAttribute.Minimum"/>, <see cref="FlagAttribute.Maximum"/>):
/// the same declaration the JSON schema and the build-time check of appsettings*.json read, so the three never disagree.
/// </summary>
internal static class DeclaredRanges
{
    /// <summary>One problem per set value outside its flag's declared range, named <c>Args:Property</c>.</summary>
    /// <param name="args">The options to check.</param>
    /// <param name="alreadyReported">Keys a validator already reported (with its own wording), so they are not said twice.</param>
    /// <returns>The problems, in flag order.</returns>
    public static IEnumerable<SettingProblem> Problems(IServerArgs args, ICollection<string> alreadyReported)
    {
        foreach (var written in args.WrittenFlags)
        {
            var flag = written.Flag;
            if (flag.Minimum is null && flag.Maximum is null)
            {
                continue;
            }

            var value = written.Value switch
            {
                long whole => (double?)whole,
                double number => number,
                _ => null,
            };
            var key = "Args:" + flag.Property;
            if (value is { } v && RangeWording.Problem(flag.Property, flag.Minimum, flag.Maximum, v) is { } message && !alreadyReported.Contains(key))
            {
                yield return new SettingProblem(key, message);
            }
        }
    }
}
