using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

/// <summary>The rules about an app target (<c>mysite.wsgi:application</c>), shared by the analyzer, the JSON checker and the runtime.</summary>
internal static class AppTargets
{
    /// <summary>The interface of a WSGI server (waitress, gunicorn's default workers).</summary>
    public const string Wsgi = "WSGI";

    /// <summary>The interface of an ASGI server (uvicorn).</summary>
    public const string Asgi = "ASGI";

    /// <summary>The findings about <paramref name="app"/> for a backend: its form, and whether its module's name says the other interface.</summary>
    /// <param name="app">The app target.</param>
    /// <param name="backend">The backend's name, for the message.</param>
    /// <param name="appInterface">The interface the backend speaks (<see cref="Wsgi"/>, <see cref="Asgi"/>), or <see langword="null"/>.</param>
    /// <param name="form">The targets the backend imports (<see cref="RuleBackend.AppTargetForm"/>).</param>
    public static List<RuleFinding> Evaluate(string app, string backend, string? appInterface, AppTargetForm form = AppTargetForm.ModuleObject)
    {
        var findings = new List<RuleFinding>();
        if (!Accepts(form, app))
        {
            findings.Add(new(RuleRegistry.AppTargetNotModuleObject, "App", app, Describe(form)));
            return findings;
        }

        // Django names the modules wsgi.py and asgi.py; the last module segment (or, for granian's file targets, the file's
        // name) is the tell.
        var colon = app.IndexOf(':');
        var module = colon < 0 ? app : app.Substring(0, colon);
        var isFile = module.EndsWith(".py", System.StringComparison.Ordinal);
        var end = isFile ? module.Length - 3 : module.Length;
        var start = (isFile ? module.LastIndexOf('/', end - 1) : module.LastIndexOf('.')) + 1;
        var last = module.Substring(start, end - start);
        var other = appInterface switch
        {
            Wsgi when last == "asgi" => Asgi,
            Asgi when last == "wsgi" => Wsgi,
            _ => null,
        };
        if (other is not null)
        {
            var suggestion = app.Substring(0, start) + appInterface!.ToLowerInvariant() + app.Substring(end);
            findings.Add(new(RuleRegistry.AppInterfaceMismatch, "App", app, other, backend, appInterface, suggestion));
        }

        return findings;
    }

    /// <summary>
    /// The findings about <paramref name="app"/> for the backend named <paramref name="backend"/>, whose catalogue entry is
    /// <paramref name="known"/> (<see langword="null"/> for a backend the rules do not know: <c>module:object</c>, no
    /// interface judged), given its <paramref name="settings"/> (<see cref="InterfaceOf"/>).
    /// </summary>
    public static List<RuleFinding> Evaluate(string app, string backend, RuleBackend? known, SettingsBag settings) =>
        known is null ? Evaluate(app, backend, appInterface: null) : Evaluate(app, known.Name, InterfaceOf(known, known.AppInterface, settings), known.AppTargetForm);

    // gunicorn's workers that call the app as WSGI; its "asgi" worker (24.0) calls it as ASGI.
    private static readonly string[] GunicornWsgiWorkers = ["sync", "gthread", "gevent", "gevent_wsgi", "gevent_pywsgi", "tornado", "eventlet"];

    /// <summary>
    /// The interface <paramref name="backend"/> calls the app with, given its <paramref name="settings"/>: its
    /// <see cref="RuleBackend.AppInterface"/>, except for gunicorn, whose worker class decides: WSGI for its own workers
    /// (the default, sync), ASGI for its <c>asgi</c> worker, and <see langword="null"/> (not judged) for a worker class
    /// given by its path, as Django's "How to use Django with Uvicorn" runs <c>gunicorn myproject.asgi:application -k
    /// uvicorn_worker.UvicornWorker</c>, or one whose value is only known at run time.
    /// </summary>
    /// <param name="backend">The backend.</param>
    /// <param name="appInterface">The interface known for it without its settings (JSON: inferred from its keys).</param>
    /// <param name="settings">Its settings.</param>
    /// <returns><see cref="Wsgi"/>, <see cref="Asgi"/>, or <see langword="null"/>.</returns>
    public static string? InterfaceOf(RuleBackend backend, string? appInterface, SettingsBag settings)
    {
        if (backend != RuleBackends.Gunicorn || !settings.IsSet("WorkerClass"))
        {
            return appInterface;
        }

        return settings.GetString("WorkerClass") switch
        {
            "asgi" => Asgi,
            { } worker when System.Array.IndexOf(GunicornWsgiWorkers, worker) >= 0 => Wsgi,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="app"/> is a target of that <paramref name="form"/>: the condition of PSC0103 and of the backends' start-up check.</summary>
    /// <param name="form">The targets the server imports.</param>
    /// <param name="app">The app target.</param>
    /// <returns>Whether the server can import it.</returns>
    public static bool Accepts(AppTargetForm form, string app) => form switch
    {
        AppTargetForm.ModuleOrCall => PythonTargetSyntax.IsModuleTarget(app, allowCall: true),
        AppTargetForm.ModuleOrFile => PythonTargetSyntax.IsModuleTarget(app) || PythonTargetSyntax.IsFileTarget(app),
        AppTargetForm.AsciiModuleObject => PythonTargetSyntax.IsModuleObject(app) && IsAscii(app),
        _ => PythonTargetSyntax.IsModuleObject(app),
    };

    // PSC0103's words for what the server imports: the message reads "App 'x' is not a target the server imports: use <this>."
    private static string Describe(AppTargetForm form) => form switch
    {
        AppTargetForm.ModuleOrCall => "'module' or 'module:object', where the object is one name (no attribute chain such as app.wsgi_app) or a call of one such as create_app(), for example mysite.wsgi:application",
        AppTargetForm.ModuleOrFile => "'module:object' or 'path/to/file.py:object', for example mysite.asgi:application",
        AppTargetForm.AsciiModuleObject => "'module:object' (a dotted module, a colon and the object's name) in ASCII letters, digits and _, for example mysite.wsgi:application",
        _ => "'module:object' (a dotted module, a colon and the object's name), for example mysite.wsgi:application",
    };

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007f')
            {
                return false;
            }
        }

        return true;
    }
}
