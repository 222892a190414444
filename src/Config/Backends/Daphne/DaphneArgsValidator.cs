using FluentValidation;

namespace ProdServer.Config;

/// <summary>The constraints <c>daphne</c> enforces only with a traceback (verbosity, proxy header names), checked before launch.</summary>
internal sealed class DaphneArgsValidator : AbstractValidator<DaphneArgs>
{
    /// <summary>Creates the validator.</summary>
    public DaphneArgsValidator()
    {
        RuleFor(a => a.Port).InclusiveBetween(0, 65535).WithMessage("Port must be between 0 and 65535, got {PropertyValue}.");
        this.NotEmptyWhenSet(a => a.Bind, nameof(DaphneArgs.Bind));
        this.NotEmptyWhenSet(a => a.UnixSocket, nameof(DaphneArgs.UnixSocket));
        this.AtLeast(a => a.Fd, nameof(DaphneArgs.Fd), 0);
        RuleForEach(a => a.Endpoints).NotEmpty().WithMessage("Endpoints entries must not be empty.");

        // Any other number is a KeyError traceback in daphne's logging setup.
        RuleFor(a => a.Verbosity).InclusiveBetween(0, 3).WithMessage("Verbosity must be 0, 1, 2 or 3, got {PropertyValue}.");
        this.AtLeast(a => a.WebSocketTimeout, nameof(DaphneArgs.WebSocketTimeout), -1);
        this.AtLeast(a => a.WebSocketConnectTimeout, nameof(DaphneArgs.WebSocketConnectTimeout), -1);
        this.AtLeast(a => a.HttpTimeout, nameof(DaphneArgs.HttpTimeout), 1);
        this.AtLeast(a => a.PingInterval, nameof(DaphneArgs.PingInterval), 1);
        this.AtLeast(a => a.PingTimeout, nameof(DaphneArgs.PingTimeout), 1);
        this.AtLeast(a => a.WebSocketMaxMessageSize, nameof(DaphneArgs.WebSocketMaxMessageSize), 0);
        this.AtLeast(a => a.WebSocketMaxFrameSize, nameof(DaphneArgs.WebSocketMaxFrameSize), 0);
        this.AtLeast(a => a.ApplicationCloseTimeout, nameof(DaphneArgs.ApplicationCloseTimeout), 0);
        this.NotEmptyWhenSet(a => a.AccessLog, nameof(DaphneArgs.AccessLog));

        // daphne refuses these without --proxy-headers only after parsing, with an ArgumentError traceback.
        RuleFor(a => a.ProxyHeadersHost).Null().When(a => a.ProxyHeaders != true)
            .WithMessage("ProxyHeadersHost needs ProxyHeaders: daphne stops with a traceback otherwise.");
        RuleFor(a => a.ProxyHeadersPort).Null().When(a => a.ProxyHeaders != true)
            .WithMessage("ProxyHeadersPort needs ProxyHeaders: daphne stops with a traceback otherwise.");
        RuleFor(a => a.ServerName).Null().When(a => a.NoServerName == true)
            .WithMessage("ServerName cannot be combined with NoServerName: daphne would send no Server header and ignore the name.");

        this.ExtraArgs(a => a.ExtraArgs);
    }
}
