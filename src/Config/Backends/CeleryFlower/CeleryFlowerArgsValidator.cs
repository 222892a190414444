using System;
using System.Linq;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// The constraints flower enforces (most of its bad values end in a traceback, some are silently dropped), checked before
/// launch, and one safety rule: flower's UI can shut workers down and revoke tasks, and has no authentication by default, so
/// listening beyond loopback (its default is every interface) needs BasicAuth or Auth.
/// </summary>
internal sealed class CeleryFlowerArgsValidator : AbstractValidator<CeleryFlowerArgs>
{
    private static readonly string[] RotateUnits = ["S", "M", "H", "D", "midnight", "W0", "W1", "W2", "W3", "W4", "W5", "W6"];

    /// <summary>Creates the validator.</summary>
    public CeleryFlowerArgsValidator()
    {
        Include(new CeleryGlobalOptionsValidator());

        RuleFor(a => a.InspectTimeout).GreaterThan(0).WithMessage("InspectTimeout must be more than 0 milliseconds, got {PropertyValue}.");
        RuleForEach(a => a.BasicAuth).Must(p => p.IndexOf(':', StringComparison.Ordinal) > 0 && !p.Contains(',', StringComparison.Ordinal))
            .WithMessage("BasicAuth entries must be user:password (one pair per entry; a comma would split it), got one without.");
        RuleFor(a => a.LogRotateWhen).Must(w => RotateUnits.Contains(w, StringComparer.Ordinal)).When(a => a.LogRotateWhen is not null)
            .WithMessage($"LogRotateWhen must be one of {string.Join(", ", RotateUnits)}, got '{{PropertyValue}}'.");
        RuleFor(a => a.FormatTask).Null().WithMessage("FormatTask is a Python function: flower takes it only from a --conf file (on the command line it ends in a TypeError); set it in Conf's file.");
        // The condition is PSC0504's (FlowerWithoutAuthenticationRule), so build time and start-up cannot disagree; refused here, once.
        RuleFor(a => a.Address).Must((_, _, context) => FlowerWithoutAuthenticationRule.ServesEveryoneUnauthenticated(ServerArgsSettings.Of(context)) is null)
            .WithMessage(a => $"Flower would listen on {(string.IsNullOrEmpty(a.Address) ? "every interface (its default)" : a.Address)} without authentication, and its UI can shut workers down: set BasicAuth (user:password) or Auth with AuthProvider, or Address 127.0.0.1 behind an authenticating proxy.");

        RuleForEach(a => a.ExtraArgs).Must(e => ServerArgument.ExtraArgumentProblem(e) is null)
            .WithMessage((_, e) => $"ExtraArgs entry '{e}' {ServerArgument.ExtraArgumentProblem(e)}.");
    }
}
