using System.Collections.Generic;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0113: Django's development server (<c>manage.py runserver</c>) runs outside Development.</summary>
    public static readonly DevServerInProductionRule DevServerInProduction = Register(new DevServerInProductionRule());
}

/// <summary>
/// PSC0113: a process runs Django's development server outside Development. Judged on the backend, wherever it is
/// chosen: a <c>UseDjangoDevServer</c> call (<c>ProdServerBuilderAnalyzer</c>), a <c>"Backend": "DjangoDevServer"</c> in
/// <c>appsettings*.json</c> (<c>AppSettingsAnalyzer</c>) and the bound options at start-up (<c>ProductionRulesValidator</c>).
/// </summary>
internal sealed class DevServerInProductionRule() : RuleInfo(
        "PSC0113",
        "Django's development server runs in production",
        "Django's development server (manage.py runserver) is not for production, as Django's documentation says; serve the app with a production server (Gunicorn, Uvicorn, Waitress, …) and keep DjangoDevServer for appsettings.Development.json or an IsDevelopment() branch.",
        "runserver is made for a developer's machine: it reloads on code changes, serves static files through Django and " +
        "has gone through no security audit or performance testing (Django's documentation: \"DO NOT USE THIS SERVER IN A " +
        "PRODUCTION SETTING\"). Outside Development, a process on it is almost always a development override that leaked.",
        RuleCategories.Security, RuleSeverity.Warning, RuleScope.Production)
{
    /// <summary>Adds the finding when <paramref name="backend"/> is Django's development server.</summary>
    /// <param name="backend">The process's backend, as configuration writes it: its name in any case, or a django-prodserver class path.</param>
    /// <param name="findings">Where the finding goes; production advice is filtered out later in development.</param>
    public void Check(string backend, List<RuleFinding> findings)
    {
        if (RuleBackends.Find(backend) == RuleBackends.DjangoDevServer)
        {
            findings.Add(new(this, "Backend"));
        }
    }
}
