using System;
using System.Linq;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>gunicorn</c> enforces (or silently mishandles), and those of running it supervised, checked before launch.</summary>
internal sealed partial class GunicornArgsValidator : AbstractValidator<GunicornArgs>
{
    private static readonly string[] WorkerAliases = ["sync", "gthread", "gevent", "gevent_wsgi", "gevent_pywsgi", "tornado", "asgi", "eventlet"];

    /// <summary>Creates the validator.</summary>
    public GunicornArgsValidator()
    {
        RuleForEach(a => a.Bind).Must(SocketBind.IsValid)
            .WithMessage("Bind entry '{PropertyValue}' must be HOST, HOST:PORT, [IPv6]:PORT, unix:PATH or fd://N.");
        // gunicorn's own limits (config.py): larger values are refused at start.
        RuleFor(a => a.WorkerClass).Must(BeWorkerClass)
            .WithMessage("WorkerClass must be one of " + string.Join(", ", WorkerAliases) + ", or a dotted class path such as uvicorn.workers.UvicornWorker; got '{PropertyValue}'.");

        // A daemonised master detaches: ProdServer would see its child exit at once and lose the server it supervises.
        // The condition is PSC0202's (GunicornDaemonRule), so build time and start-up cannot disagree; refused here, once.
        RuleFor(a => a.Daemon).Must((_, _, context) => !GunicornDaemonRule.Detaches(ServerArgsSettings.Of(context)))
            .WithMessage("Daemon cannot be on: gunicorn would detach from ProdServer, which supervises it and would see it exit at once. Leave Daemon unset.");
        RuleFor(a => a.SuppressRaggedEofs).NotEqual(false)
            .WithMessage("SuppressRaggedEofs cannot be turned off: gunicorn has no flag for it (it is already on). Leave it unset.");

        RuleFor(a => a.Umask).Must(m => ServerArgsRules.FileModeProblem("Umask", m, 511) is null)
            .WithMessage(a => ServerArgsRules.FileModeProblem("Umask", a.Umask, 511));
        RuleFor(a => a.ControlSocketMode).Must(m => ServerArgsRules.FileModeProblem("ControlSocketMode", m, 4095) is null)
            .WithMessage(a => ServerArgsRules.FileModeProblem("ControlSocketMode", a.ControlSocketMode, 4095));
        this.ExclusiveSettings(RuleBackends.Gunicorn);

        RuleFor(a => a.Certfile).NotNull().When(a => a.Keyfile is not null)
            .WithMessage("Certfile is required with Keyfile: gunicorn turns on TLS only with a certificate.");
        RuleFor(a => a.Keyfile).NotNull().When(a => a.Certfile is not null)
            .WithMessage("Keyfile is required with Certfile: gunicorn needs the private key of the certificate.");
        RuleForEach(a => a.Env).Must(e => e is not null && e.IndexOf('=', StringComparison.Ordinal) > 0)
            .WithMessage("Env entry '{PropertyValue}' must be KEY=VALUE.");
        RuleForEach(a => a.PasteGlobals).Must(e => e is not null && e.IndexOf('=', StringComparison.Ordinal) > 0)
            .WithMessage("PasteGlobals entry '{PropertyValue}' must be KEY=VALUE.");
        RuleFor(a => a.PasteGlobals).Null().When(a => a.Paste is null)
            .WithMessage("PasteGlobals needs Paste: the globals are handed to the paste configuration.");

        this.NotEmptyWhenSet(a => a.Chdir, nameof(GunicornArgs.Chdir));
        this.NotEmptyWhenSet(a => a.Pid, nameof(GunicornArgs.Pid));
        this.NotEmptyWhenSet(a => a.Config, nameof(GunicornArgs.Config));
        this.ExtraArgs(a => a.ExtraArgs);
    }

    private static bool BeWorkerClass(string? workerClass) =>
        workerClass is null || WorkerAliases.Contains(workerClass, StringComparer.Ordinal) || PythonTargetSyntax.IsImportPath(workerClass);
}
