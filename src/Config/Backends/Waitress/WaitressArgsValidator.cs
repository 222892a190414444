using System;
using System.Linq;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>The constraints <c>waitress-serve</c> itself enforces (or silently mishandles), checked before launch.</summary>
internal sealed partial class WaitressArgsValidator : AbstractValidator<WaitressArgs>
{
    /// <summary>Creates the validator.</summary>
    public WaitressArgsValidator()
    {
        RuleFor(a => a.Port).InclusiveBetween(1, 65535).WithMessage("Port must be between 1 and 65535, got {PropertyValue}.");
        RuleFor(a => a.Host).NotEmpty().When(a => a.Host is not null).WithMessage("Host must not be empty; leave it unset for waitress's default 0.0.0.0.");
        RuleFor(a => a.Threads).GreaterThanOrEqualTo(1).WithMessage("Threads must be at least 1, got {PropertyValue}.");

        // waitress raises ValueError (a traceback, exit 1) when these are combined.
        RuleFor(a => a.Listen).Null()
            .When(a => a.Host is not null || a.Port is not null)
            .WithMessage("Listen cannot be combined with Host or Port: waitress refuses it. Use Listen alone, or Host and Port.");
        RuleFor(a => a.UnixSocket).Null()
            .When(a => a.Host is not null || a.Port is not null || a.Listen is not null)
            .WithMessage("UnixSocket cannot be combined with Host, Port or Listen: waitress refuses it.");
        RuleFor(a => a.UnixSocket).NotEmpty().When(a => a.UnixSocket is not null).WithMessage("UnixSocket must be a path.");
        RuleForEach(a => a.Listen).Must(BeListenAddress)
            .WithMessage("Listen entry '{PropertyValue}' must be HOST:PORT, [IPv6]:PORT or *:PORT with a port from 1 to 65535.");
        RuleFor(a => a.UnixSocketPerms).Matches(OctalMode())
            .WithMessage("UnixSocketPerms must be an octal file mode such as 660 (waitress always reads it as base 8), got '{PropertyValue}'.");

        RuleFor(a => a.TrustedProxyCount).GreaterThanOrEqualTo(1).WithMessage("TrustedProxyCount must be at least 1, got {PropertyValue}.");
        RuleFor(a => a.TrustedProxyCount).Null().When(a => a.TrustedProxy is null)
            .WithMessage("TrustedProxyCount needs TrustedProxy: waitress refuses it without a trusted proxy.");
        RuleFor(a => a.TrustedProxyHeaders).Null().When(a => a.TrustedProxy is null)
            .WithMessage("TrustedProxyHeaders needs TrustedProxy: waitress refuses it without a trusted proxy.");
        RuleFor(a => a.TrustedProxyHeaders)
            .Must(h => h is null || !(h.Contains(TrustedProxyHeader.Forwarded) && h.Any(x => x != TrustedProxyHeader.Forwarded)))
            .When(a => a.TrustedProxyHeaders is not null)
            .WithMessage("TrustedProxyHeaders cannot mix Forwarded with X-Forwarded-* headers: waitress refuses it.");

        AtLeastOne(a => a.Backlog, nameof(WaitressArgs.Backlog));
        AtLeastOne(a => a.RecvBytes, nameof(WaitressArgs.RecvBytes));
        AtLeastOne(a => a.SendBytes, nameof(WaitressArgs.SendBytes));
        AtLeastOne(a => a.OutbufOverflow, nameof(WaitressArgs.OutbufOverflow));
        AtLeastOne(a => a.OutbufHighWatermark, nameof(WaitressArgs.OutbufHighWatermark));
        AtLeastOne(a => a.InbufOverflow, nameof(WaitressArgs.InbufOverflow));
        AtLeastOne(a => a.ConnectionLimit, nameof(WaitressArgs.ConnectionLimit));
        AtLeastOne(a => a.CleanupInterval, nameof(WaitressArgs.CleanupInterval));
        AtLeastOne(a => a.ChannelTimeout, nameof(WaitressArgs.ChannelTimeout));
        AtLeastOne(a => a.MaxRequestHeaderSize, nameof(WaitressArgs.MaxRequestHeaderSize));
        AtLeastOne(a => a.MaxRequestBodySize, nameof(WaitressArgs.MaxRequestBodySize));
        AtLeastOne(a => a.AsyncoreLoopTimeout, nameof(WaitressArgs.AsyncoreLoopTimeout));
        RuleFor(a => a.ChannelRequestLookahead).GreaterThanOrEqualTo(0).WithMessage("ChannelRequestLookahead must be 0 or more, got {PropertyValue}.");

        this.ExtraArgs(a => a.ExtraArgs);
    }

    private void AtLeastOne(Expression<Func<WaitressArgs, int?>> property, string name) =>
        RuleFor(property).GreaterThanOrEqualTo(1).WithMessage(name + " must be at least 1, got {PropertyValue}.");

    private void AtLeastOne(Expression<Func<WaitressArgs, long?>> property, string name) =>
        RuleFor(property).GreaterThanOrEqualTo(1).WithMessage(name + " must be at least 1, got {PropertyValue}.");

    // HOST:PORT, [v6]:PORT or *:PORT: waitress needs both parts.
    private static bool BeListenAddress(string? entry) =>
        !string.IsNullOrWhiteSpace(entry) && HostPort.TrySplit(entry, out var host, out var port) && host.Length > 0 && HostPort.IsListenPort(port);

    [GeneratedRegex("^0?[0-7]{3}\\z")]
    private static partial Regex OctalMode();
}
