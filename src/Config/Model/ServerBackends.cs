using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>The backends known by name in configuration (<c>"Backend": "Waitress"</c>).</summary>
public static class ServerBackends
{
    /// <summary>Waitress, the pure-Python WSGI server (<c>waitress-serve</c>).</summary>
    public static ServerBackend<WaitressArgs> Waitress { get; } = new WaitressBackend();

    /// <summary>Gunicorn, the pre-fork WSGI server (<c>gunicorn</c>).</summary>
    public static ServerBackend<GunicornArgs> Gunicorn { get; } = new GunicornBackend();

    /// <summary>Uvicorn serving an ASGI app (<c>python -m uvicorn</c>).</summary>
    public static ServerBackend<UvicornArgs> Uvicorn { get; } = new UvicornBackend(wsgi: false);

    /// <summary>Uvicorn serving a WSGI app (<c>python -m uvicorn --interface=wsgi</c>).</summary>
    public static ServerBackend<UvicornArgs> UvicornWsgi { get; } = new UvicornBackend(wsgi: true);

    /// <summary>Granian serving an ASGI app (<c>granian --interface=asgi</c>).</summary>
    public static ServerBackend<GranianArgs> Granian { get; } = new GranianBackend(wsgi: false);

    /// <summary>Granian serving a WSGI app (<c>granian --interface=wsgi</c>).</summary>
    public static ServerBackend<GranianArgs> GranianWsgi { get; } = new GranianBackend(wsgi: true);

    /// <summary>Daphne, Django Channels' ASGI server (<c>python -m daphne</c>).</summary>
    public static ServerBackend<DaphneArgs> Daphne { get; } = new DaphneBackend();

    /// <summary>Hypercorn serving an ASGI app (<c>python -m hypercorn</c>).</summary>
    public static ServerBackend<HypercornArgs> Hypercorn { get; } = new HypercornBackend(wsgi: false);

    /// <summary>Hypercorn serving a WSGI app (<c>python -m hypercorn … wsgi:module:object</c>, hypercorn 0.14.0 or newer).</summary>
    public static ServerBackend<HypercornArgs> HypercornWsgi { get; } = new HypercornBackend(wsgi: true);

    /// <summary>uWSGI serving a WSGI app (<c>uwsgi --module=module:callable</c>).</summary>
    public static ServerBackend<UwsgiArgs> Uwsgi { get; } = new UwsgiBackend();

    /// <summary>A Celery worker (<c>python -m celery --app=APP worker</c>).</summary>
    public static ServerBackend<CeleryWorkerArgs> CeleryWorker { get; } = new CeleryWorkerBackend();

    /// <summary>Celery beat, the periodic task scheduler (<c>python -m celery --app=APP beat</c>).</summary>
    public static ServerBackend<CeleryBeatArgs> CeleryBeat { get; } = new CeleryBeatBackend();

    /// <summary>Celery Flower, the monitoring web UI (<c>python -m celery --app=APP flower</c>).</summary>
    public static ServerBackend<CeleryFlowerArgs> CeleryFlower { get; } = new CeleryFlowerBackend();

    /// <summary>The Django Tasks database worker (<c>python manage.py db_worker</c>).</summary>
    public static ServerBackend<DjangoTasksArgs> DjangoTasks { get; } = new DjangoTasksBackend();

    /// <summary>The Django-Q2 cluster (<c>python manage.py qcluster</c>).</summary>
    public static ServerBackend<DjangoQArgs> DjangoQ { get; } = new DjangoQBackend();

    /// <summary>An RQ worker through django-rq (<c>python manage.py rqworker</c>).</summary>
    public static ServerBackend<RqWorkerArgs> RqWorker { get; } = new RqWorkerBackend();

    /// <summary>Django's development server (<c>python manage.py runserver</c>); for development only.</summary>
    public static ServerBackend<DjangoDevServerArgs> DjangoDevServer { get; } = new DjangoDevServerBackend();

    private static readonly ServerBackend[] All =
        [Waitress, Gunicorn, Uvicorn, UvicornWsgi, Granian, GranianWsgi, Daphne, Hypercorn, HypercornWsgi, Uwsgi, CeleryWorker, CeleryBeat, CeleryFlower, DjangoTasks, DjangoQ, RqWorker, DjangoDevServer];

    /// <summary>The names accepted in configuration.</summary>
    public static IEnumerable<string> Names => All.Select(b => b.Name);

    /// <summary>Finds a backend by its configuration name, ignoring case.</summary>
    /// <param name="name">The name, for example <c>Waitress</c>.</param>
    /// <returns>The backend, or <see langword="null"/>.</returns>
    public static ServerBackend? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
