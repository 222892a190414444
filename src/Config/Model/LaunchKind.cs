namespace ProdServer.Config;

/// <summary>How a backend's server is started.</summary>
public enum LaunchKind
{
    /// <summary>
    /// A console script (<c>waitress-serve</c>, <c>gunicorn</c>) from the venv's <c>bin/</c> or <c>PATH</c>; with an interpreter
    /// configured, that interpreter runs <see cref="ServerBackend.PythonEntryPoint"/> with <c>-c</c>.
    /// </summary>
    ConsoleScript,

    /// <summary><c>python -m &lt;Command&gt;</c> (uvicorn, whose Debian package has no script; celery, whose Debian wrapper picks the wrong python).</summary>
    PythonModule,

    /// <summary><c>python manage.py &lt;Command&gt;</c>, a Django management command (<c>db_worker</c>, <c>qcluster</c>, <c>runserver</c>).</summary>
    DjangoManage,
}
