using System;
using System.Linq;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>waitress-serve</c> itself enforces (or silently mishandles), checked before launch.</summary>
internal sealed partial class WaitressArgsValidator : AbstractValidator<WaitressArgs>
{
    /// <summary>Creates the validator.</summary>
    public WaitressArgsValidator()
    {
        RuleFor(a => a.Host).NotEmpty().When(a => a.Host is not null).WithMessage("Host must not be empty; leave it unset for waitress's default 0.0.0.0.");

        // waitress raises ValueError (a traceback, exit 1) when these are combined. The conditions are PSC0004's
        // (ConflictingBindSettingsRule), so build time and start-up cannot disagree; refused here, once.
        RuleFor(a => a.Listen).Must((_, _, context) => ConflictingBindSettingsRule.ListenConflicts(ServerArgsSettings.Of(context)).Length == 0)
            .WithMessage("Listen cannot be combined with Host or Port: waitress refuses it. Use Listen alone, or Host and Port.");
        RuleFor(a => a.UnixSocket).Must((_, _, context) => ConflictingBindSettingsRule.UnixSocketConflicts(ServerArgsSettings.Of(context)).Length == 0)
            .WithMessage("UnixSocket cannot be combined with Host, Port or Listen: waitress refuses it.");
        RuleFor(a => a.UnixSocket).NotEmpty().When(a => a.UnixSocket is not null).WithMessage("UnixSocket must be a path.");
        RuleForEach(a => a.Listen).Must(BeListenAddress)
            .WithMessage("Listen entry '{PropertyValue}' must be HOST:PORT, [IPv6]:PORT or *:PORT with a port from 1 to 65535.");
        RuleFor(a => a.UnixSocketPerms).MatchesWhenSet(OctalMode)
            .WithMessage("UnixSocketPerms must be an octal file mode such as 660 (waitress always reads it as base 8), got '{PropertyValue}'.");

        // A rule on the args as a whole, named for the count: RuleFor(a => a.TrustedProxyCount) would be FluentValidation's
        // generic code over int?, which a first start compiles while it checks, beside Python's import (~10 ms).
        RuleFor(a => a).Must(a => a.TrustedProxyCount is null || a.TrustedProxy is not null)
            .OverridePropertyName(nameof(WaitressArgs.TrustedProxyCount))
            .WithMessage("TrustedProxyCount needs TrustedProxy: waitress refuses it without a trusted proxy.");
        RuleFor(a => a.TrustedProxyHeaders).Null().When(a => a.TrustedProxy is null)
            .WithMessage("TrustedProxyHeaders needs TrustedProxy: waitress refuses it without a trusted proxy.");
        RuleFor(a => a.TrustedProxyHeaders)
            .Must(h => h is null || !(h.Contains(TrustedProxyHeader.Forwarded) && h.Any(x => x != TrustedProxyHeader.Forwarded)))
            .When(a => a.TrustedProxyHeaders is not null)
            .WithMessage("TrustedProxyHeaders cannot mix Forwarded with X-Forwarded-* headers: waitress refuses it.");

        this.ExtraArgs(a => a.ExtraArgs);
    }

    // HOST:PORT, [v6]:PORT or *:PORT: waitress needs both parts.
    private static bool BeListenAddress(string? entry) =>
        !string.IsNullOrWhiteSpace(entry) && HostPort.TrySplit(entry, out var host, out var port) && host.Length > 0 && HostPort.IsListenPort(port);

    [GeneratedRegex("^0?[0-7]{3}\\z")]
    private static partial Regex OctalMode();
}
