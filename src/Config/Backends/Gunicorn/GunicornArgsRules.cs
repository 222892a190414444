using System;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>The constraints <c>gunicorn</c> itself enforces (or silently mishandles), checked before launch.</summary>
internal static class GunicornArgsRules
{
    private static readonly string[] WorkerAliases = ["sync", "gthread", "gevent", "gevent_wsgi", "gevent_pywsgi", "tornado", "asgi", "eventlet"];

    /// <summary>Adds what is wrong with <paramref name="a"/> to <paramref name="found"/>.</summary>
    public static void Check(GunicornArgs a, ArgsProblems found)
    {
        found.Each(a.Bind, nameof(a.Bind), SocketBind.IsValid,
            e => $"Bind entry {Quoted.Value(e)} must be HOST, HOST:PORT, [IPv6]:PORT, unix:PATH or fd://N{SocketBind.SeveralHint(e)}.");
        // gunicorn's own limits (config.py): larger values are refused at start.
        found.If(!IsWorkerClass(a.WorkerClass), nameof(a.WorkerClass),
            $"WorkerClass must be one of {string.Join(", ", WorkerAliases)}, or a dotted class path such as uvicorn.workers.UvicornWorker; got {Quoted.Value(a.WorkerClass)}.");

        // A daemonised master detaches: ProdServer would see its child exit at once and lose the server it supervises.
        // The condition is PSC0202's (GunicornDaemonRule), so build time and start-up cannot disagree; refused here, once.
        found.If(GunicornDaemonRule.Detaches(found.Settings), nameof(a.Daemon),
            "Daemon cannot be on: gunicorn would detach from ProdServer, which supervises it and would see it exit at once. Leave Daemon unset.");
        // Both make gunicorn print or check and exit 0 at once: the supervisor would restart it until it gave up.
        found.If(a.CheckConfig == true, nameof(a.CheckConfig),
            "CheckConfig cannot be on: gunicorn would check its configuration and exit, so the process would never serve. Use the launcher's --check, which runs gunicorn --check-config once.");
        found.If(a.PrintConfig == true, nameof(a.PrintConfig),
            "PrintConfig cannot be on: gunicorn would print its configuration and exit, so the process would never serve. Use the launcher's --dry-run or --check.");
        found.If(a.SuppressRaggedEofs == false, nameof(a.SuppressRaggedEofs),
            "SuppressRaggedEofs cannot be turned off: gunicorn has no flag for it (it is already on). Leave it unset.");

        found.FileMode(nameof(a.Umask), a.Umask, 511);
        found.FileMode(nameof(a.ControlSocketMode), a.ControlSocketMode, 4095);
        found.ExclusiveSettings(RuleBackends.Gunicorn);

        found.If(a.Keyfile is not null && a.Certfile is null, nameof(a.Certfile),
            "Certfile is required with Keyfile: gunicorn turns on TLS only with a certificate.");
        found.If(a.Certfile is not null && a.Keyfile is null, nameof(a.Keyfile),
            "Keyfile is required with Certfile: gunicorn needs the private key of the certificate.");
        found.Each(a.Env, nameof(a.Env), ServerArgsRules.IsKeyValue, e => $"Env entry {Quoted.Value(e)} must be KEY=VALUE.");
        found.Each(a.PasteGlobals, nameof(a.PasteGlobals), ServerArgsRules.IsKeyValue, e => $"PasteGlobals entry {Quoted.Value(e)} must be KEY=VALUE.");
        found.If(a.PasteGlobals is not null && a.Paste is null, nameof(a.PasteGlobals),
            "PasteGlobals needs Paste: the globals are handed to the paste configuration.");

        found.NotEmptyWhenSet(a.Chdir, nameof(a.Chdir));
        found.NotEmptyWhenSet(a.Pid, nameof(a.Pid));
        found.NotEmptyWhenSet(a.Config, nameof(a.Config));
        found.ExtraArgs(a, a.ExtraArgs);
    }

    private static bool IsWorkerClass(string? workerClass) =>
        workerClass is null || Array.IndexOf(WorkerAliases, workerClass) >= 0 || PythonTargetSyntax.IsImportPath(workerClass);
}
