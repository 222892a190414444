using System;
using System.Linq;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>The constraints <c>hypercorn</c> enforces with a traceback, or silently ignores (an insecure bind without TLS), checked before launch.</summary>
internal sealed class HypercornArgsValidator : AbstractValidator<HypercornArgs>
{
    private static readonly string[] LogLevels = ["debug", "info", "warning", "error", "critical"];

    /// <summary>Creates the validator.</summary>
    public HypercornArgsValidator()
    {
        RuleForEach(a => a.Bind).Must(SocketBind.IsValid)
            .WithMessage("Bind entry '{PropertyValue}' must be HOST:PORT, HOST, unix:PATH or fd://N.");
        RuleForEach(a => a.InsecureBind).Must(SocketBind.IsValid)
            .WithMessage("InsecureBind entry '{PropertyValue}' must be HOST:PORT, HOST, unix:PATH or fd://N.");

        // hypercorn serves TLS only with both files, and ignores the extra binds without a word otherwise.
        RuleFor(a => a.KeyFile).NotNull().When(a => a.CertFile is not null)
            .WithMessage("KeyFile is required with CertFile: hypercorn serves plain HTTP unless both are set.");
        RuleFor(a => a.CertFile).NotNull().When(a => a.KeyFile is not null)
            .WithMessage("CertFile is required with KeyFile: hypercorn serves plain HTTP unless both are set.");
        RuleFor(a => a.InsecureBind).Null().When(a => a.CertFile is null || a.KeyFile is null)
            .WithMessage("InsecureBind needs CertFile and KeyFile: hypercorn ignores it otherwise.");
        RuleFor(a => a.QuicBind).Null().When(a => a.CertFile is null || a.KeyFile is null)
            .WithMessage("QuicBind needs CertFile and KeyFile: hypercorn ignores it otherwise.");
        RuleFor(a => a.KeyFilePassword).Null().When(a => a.KeyFile is null).WithMessage("KeyFilePassword needs KeyFile.");
        RuleFor(a => a.User).NotNull().When(a => a.Group is not null)
            .WithMessage("Group needs User: hypercorn changes the socket's owner only when both are set.");
        RuleFor(a => a.Group).NotNull().When(a => a.User is not null)
            .WithMessage("User needs Group: hypercorn changes the socket's owner only when both are set.");

        RuleFor(a => a.Workers).Equal(1).When(a => a.Reload == true)
            .WithMessage("Reload needs Workers = 1: hypercorn refuses reloading with several workers (0.13) or in the main process (0.18).");
        RuleFor(a => a.MaxRequestsJitter).Null().When(a => a.MaxRequests is null)
            .WithMessage("MaxRequestsJitter needs MaxRequests: the jitter is added to it.");

        // Any other name is a ValueError traceback from logging.
        RuleFor(a => a.LogLevel).Must(l => l is null || LogLevels.Contains(l.Trim(), StringComparer.OrdinalIgnoreCase))
            .WithMessage("LogLevel '{PropertyValue}' must be debug, info, warning, error or critical.");
        this.NotEmptyWhenSet(a => a.AccessLogfile, nameof(HypercornArgs.AccessLogfile));
        this.NotEmptyWhenSet(a => a.ErrorLogfile, nameof(HypercornArgs.ErrorLogfile));

        this.ExtraArgs(a => a.ExtraArgs);
    }
}
