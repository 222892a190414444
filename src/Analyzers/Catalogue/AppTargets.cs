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
    public static List<RuleFinding> Evaluate(string app, string backend, string? appInterface)
    {
        var findings = new List<RuleFinding>();
        if (!AppTargetNotModuleObjectRule.IsModuleObject(app))
        {
            findings.Add(new(RuleRegistry.AppTargetNotModuleObject, "App", app));
            return findings;
        }

        // Django names the modules wsgi.py and asgi.py; the last module segment is the tell.
        var module = app.Substring(0, app.IndexOf(':'));
        var last = module.Substring(module.LastIndexOf('.') + 1);
        var other = appInterface switch
        {
            Wsgi when last == "asgi" => Asgi,
            Asgi when last == "wsgi" => Wsgi,
            _ => null,
        };
        if (other is not null)
        {
            var suggestion = module.Substring(0, module.Length - 4) + appInterface!.ToLowerInvariant() + app.Substring(module.Length);
            findings.Add(new(RuleRegistry.AppInterfaceMismatch, "App", app, other, backend, appInterface, suggestion));
        }

        return findings;
    }
}
