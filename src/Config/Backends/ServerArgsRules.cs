using System;
using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>Rules several servers share (ports, counts, file modes, extra arguments), so each validator states only what is its own.</summary>
internal static partial class ServerArgsRules
{
    /// <summary>Set means not empty: an empty value would reach the server as <c>--flag=</c>.</summary>
    public static void NotEmptyWhenSet<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> property, string name) =>
        validator.RuleFor(property).Must(v => v is null || v.Trim().Length > 0).WithMessage(name + " must not be empty; leave it unset for the server's default.");

    /// <summary>
    /// FluentValidation's <c>Matches</c>, with the regex made only when there is a value to match: <c>Matches(Regex())</c>
    /// builds it with the validator, and a first start builds the validator right after the fork, where a regex's first
    /// construction is ~20 ms of the regex engine's first-time code beside Python's import. An unset value passes, as with
    /// <c>Matches</c>.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MatchesWhenSet<T>(this IRuleBuilder<T, string?> rule, Func<Regex> regex) =>
        rule.Must(value => value is null || regex().IsMatch(value));

    /// <summary>
    /// Each extra argument is a long flag on one line (see <see cref="ServerArgument.ExtraArgumentProblem"/>) that neither names
    /// a flag the typed record knows nor detaches the server or replaces its configuration (see <see cref="ServerFlagPolicy"/>).
    /// </summary>
    public static void ExtraArgs<T>(this AbstractValidator<T> validator, Expression<Func<T, System.Collections.Generic.IEnumerable<string>?>> property)
        where T : IServerArgs =>
        validator.RuleForEach(property!).Must((args, e) => Problem(args, e) is null)
            .WithMessage((args, e) => $"ExtraArgs entry '{Names.Printable(e ?? string.Empty)}' {Problem(args, e)}.");

    private static string? Problem(IServerArgs args, string? entry) =>
        ServerArgument.ExtraArgumentProblem(entry) ?? ServerFlagPolicy.Problem(args, entry!, typedFlagsAllowed: false);

    /// <summary>
    /// A file mode the way gunicorn, celery and granian read it (Python's <c>int(x, 0)</c>-like rule): a leading <c>0</c> or
    /// <c>0o</c> means octal, bare digits are decimal. Bare digits that look like an octal mode (<c>660</c>, <c>22</c>) are
    /// almost always a mistake, so they are refused with the spelling that was meant.
    /// </summary>
    /// <returns>What is wrong, or <see langword="null"/>.</returns>
    public static string? FileModeProblem(string name, string? mode, int maximum)
    {
        if (mode is null)
        {
            return null;
        }

        if (OctalMode().IsMatch(mode))
        {
            var digits = mode.TrimStart('0', 'o', 'O');
            var value = digits.Length == 0 ? 0 : Convert.ToInt32(digits, 8);
            return value <= maximum ? null : $"{name} '{mode}' is above the largest mode {Convert.ToString(maximum, 8)} (octal).";
        }

        if (DecimalDigits().IsMatch(mode))
        {
            return $"{name} '{mode}' has no leading 0, so the server reads it as decimal {mode} (octal {Convert.ToString(int.Parse(mode, CultureInfo.InvariantCulture), 8)}); write '0{mode}' for the octal mode {mode}.";
        }

        return $"{name} must be an octal file mode with a leading 0, such as 0022 or 0o660, got '{mode}'.";
    }

    [GeneratedRegex("^0([oO]?[0-7]+)?\\z")]
    private static partial Regex OctalMode();

    [GeneratedRegex("^[1-9][0-9]{0,8}\\z")]
    private static partial Regex DecimalDigits();
}
