using System;
using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The backends that have settings rules, one line each; a rule names the ones it judges (<see cref="SettingRule.Backends"/>).
/// A backend gets a line here with its first rule. Backends that share an args record (<c>Uvicorn</c>/<c>UvicornWsgi</c>)
/// are two lines: they differ in the interface their app must speak.
/// </summary>
internal static class RuleBackends
{
    /// <summary><c>waitress-serve</c>.</summary>
    public static readonly RuleBackend Waitress = new("Waitress", "ProdServer.Config.WaitressArgs", AppTargets.Wsgi, AppTargetForm.AsciiModuleObject);

    /// <summary><c>gunicorn</c>.</summary>
    public static readonly RuleBackend Gunicorn = new("Gunicorn", "ProdServer.Config.GunicornArgs", AppTargets.Wsgi, AppTargetForm.ModuleOrCall);

    /// <summary>Uvicorn serving an ASGI app.</summary>
    public static readonly RuleBackend Uvicorn = new("Uvicorn", "ProdServer.Config.UvicornArgs", AppTargets.Asgi);

    /// <summary>Uvicorn serving a WSGI app.</summary>
    public static readonly RuleBackend UvicornWsgi = new("UvicornWsgi", "ProdServer.Config.UvicornArgs", AppTargets.Wsgi);

    /// <summary>Granian serving an ASGI app.</summary>
    public static readonly RuleBackend Granian = new("Granian", "ProdServer.Config.GranianArgs", AppTargets.Asgi, AppTargetForm.ModuleOrFile);

    /// <summary>Granian serving a WSGI app.</summary>
    public static readonly RuleBackend GranianWsgi = new("GranianWsgi", "ProdServer.Config.GranianArgs", AppTargets.Wsgi, AppTargetForm.ModuleOrFile);

    /// <summary>A Celery worker; Celery runs no web app, so there is no app interface to match.</summary>
    public static readonly RuleBackend CeleryWorker = new("CeleryWorker", "ProdServer.Config.CeleryWorkerArgs", null);

    /// <summary>Celery beat.</summary>
    public static readonly RuleBackend CeleryBeat = new("CeleryBeat", "ProdServer.Config.CeleryBeatArgs", null);

    /// <summary>Celery Flower; it serves a monitoring UI, not the app.</summary>
    public static readonly RuleBackend CeleryFlower = new("CeleryFlower", "ProdServer.Config.CeleryFlowerArgs", null);

    /// <summary>Hypercorn serving an ASGI app.</summary>
    public static readonly RuleBackend Hypercorn = new("Hypercorn", "ProdServer.Config.HypercornArgs", AppTargets.Asgi);

    /// <summary>Hypercorn serving a WSGI app.</summary>
    public static readonly RuleBackend HypercornWsgi = new("HypercornWsgi", "ProdServer.Config.HypercornArgs", AppTargets.Wsgi);

    /// <summary>uWSGI; its app is a module (<c>--module</c>), checked by its validator rather than as a <c>module:object</c> target.</summary>
    public static readonly RuleBackend Uwsgi = new("Uwsgi", "ProdServer.Config.UwsgiArgs", null);

    /// <summary>An RQ worker through django-rq; it runs no web app.</summary>
    public static readonly RuleBackend RqWorker = new("RqWorker", "ProdServer.Config.RqWorkerArgs", null);

    /// <summary>Daphne, Django Channels' ASGI server.</summary>
    public static readonly RuleBackend Daphne = new("Daphne", "ProdServer.Config.DaphneArgs", AppTargets.Asgi);

    /// <summary>The Django Tasks database worker.</summary>
    public static readonly RuleBackend DjangoTasks = new("DjangoTasks", "ProdServer.Config.DjangoTasksArgs", null);

    /// <summary>The Django-Q2 cluster.</summary>
    public static readonly RuleBackend DjangoQ = new("DjangoQ", "ProdServer.Config.DjangoQArgs", null);

    /// <summary>Django's development server.</summary>
    public static readonly RuleBackend DjangoDevServer = new("DjangoDevServer", "ProdServer.Config.DjangoDevServerArgs", null);

    /// <summary>Every backend with rules.</summary>
    public static IReadOnlyList<RuleBackend> All { get; } =
        [Waitress, Gunicorn, Uvicorn, UvicornWsgi, Granian, GranianWsgi, CeleryWorker, CeleryBeat, CeleryFlower, Hypercorn, HypercornWsgi, Uwsgi, RqWorker, Daphne, DjangoTasks, DjangoQ, DjangoDevServer];

    /// <summary>
    /// A backend by its configuration name (case ignored) or django-prodserver's class path for it
    /// (<c>django_prodserver.backends.gunicorn.GunicornServer</c>, as the binder reads it), or <see langword="null"/> when it has no rules.
    /// </summary>
    public static RuleBackend? Find(string? name)
    {
        if (name is not null && DjangoProdserverBackends.ShortName(name) is { } shortName)
        {
            name = shortName;
        }

        foreach (var backend in All)
        {
            if (string.Equals(backend.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return backend;
            }
        }

        return null;
    }
}
