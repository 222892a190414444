using System;
using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// django-prodserver's <c>BACKEND</c> class paths, accepted as aliases of the backends here so that a
/// <c>PRODUCTION_PROCESSES</c> entry pastes as it is. 2.x keeps its classes in <c>django_prodserver.backends.MODULE</c>;
/// 3.x moved them into <c>backends.servers</c>, <c>backends.workers</c> and <c>backends.dev</c> (keeping the 2.x modules as
/// deprecated re-exports), so the class name after the <c>django_prodserver.backends.</c> prefix is what identifies one.
/// In the rule catalogue, so that the binder, the import and the analyzers of appsettings*.json read a pasted
/// <c>PRODUCTION_PROCESSES</c> entry as the same backend.
/// </summary>
internal static class DjangoProdserverBackends
{
    /// <summary>The package prefix of every django-prodserver backend class.</summary>
    public const string Prefix = "django_prodserver.backends.";

    // Class name → short name here. The development servers around daphne and werkzeug (3.x) have none: see Instead.
    private static readonly Dictionary<string, string> ByClass = new(StringComparer.Ordinal)
    {
        ["GunicornServer"] = "Gunicorn",
        ["WaitressServer"] = "Waitress",
        ["UvicornServer"] = "Uvicorn",
        ["UvicornWSGIServer"] = "UvicornWsgi",
        ["GranianASGIServer"] = "Granian",
        ["GranianWSGIServer"] = "GranianWsgi",
        ["CeleryWorker"] = "CeleryWorker",
        ["CeleryBeat"] = "CeleryBeat",
        ["CeleryFlower"] = "CeleryFlower",
        ["DjangoTasksWorker"] = "DjangoTasks",
        ["DjangoQ2Worker"] = "DjangoQ",
        ["DjangoRunserver"] = "DjangoDevServer",
    };

    // The classes with no counterpart here, and what to write instead: both are development servers (Django's checks, an
    // autoreloader, static files) that django-prodserver drives through the server's Python API.
    private static readonly Dictionary<string, string> Instead = new(StringComparer.Ordinal)
    {
        ["DaphneRunserver"] = "it is Channels' development runserver around daphne (autoreload, static files); for daphne in production write Backend \"Daphne\", its addrport as Bind and Port (\"127.0.0.1:8000\" is \"Bind\": \"127.0.0.1\", \"Port\": 8000), and for development Backend \"DjangoDevServer\"",
        ["WerkzeugRunserver"] = "it is django-extensions' runserver_plus, a development server; write Backend \"DjangoDevServer\" (Django's runserver) for development, or a production server such as \"Gunicorn\" or \"Waitress\"",
    };

    /// <summary>What to write instead of a django-prodserver class with no counterpart here, as a clause; <see langword="null"/> when there is no advice.</summary>
    /// <param name="classPath">For example <c>django_prodserver.backends.dev.daphne.DaphneRunserver</c>.</param>
    /// <returns>The clause, or <see langword="null"/>.</returns>
    public static string? InsteadOf(string classPath) =>
        IsClassPath(classPath) && Instead.TryGetValue(ClassName(classPath), out var advice) ? advice : null;

    /// <summary>Whether <paramref name="backend"/> is written as a django-prodserver class path.</summary>
    /// <param name="backend">The configured <c>Backend</c> value.</param>
    /// <returns><see langword="true"/> for <c>django_prodserver.backends.…</c>.</returns>
    public static bool IsClassPath(string backend) => backend.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The short backend name for a django-prodserver class path.</summary>
    /// <param name="classPath">For example <c>django_prodserver.backends.gunicorn.GunicornServer</c>.</param>
    /// <returns>The short name (<c>Gunicorn</c>), or <see langword="null"/> for a class with no counterpart here.</returns>
    public static string? ShortName(string classPath) =>
        IsClassPath(classPath) && ByClass.TryGetValue(ClassName(classPath), out var name) ? name : null;

    private static string ClassName(string classPath) => classPath.Substring(classPath.LastIndexOf('.') + 1);
}
