using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of Django's <c>manage.py runserver</c> (Django 3.2, as its <c>--help</c> lists them with
/// <c>django.contrib.staticfiles</c> installed), for <b>development only</b>: Django's own docs say never to use it in
/// production. The address (<c>8000</c>, <c>127.0.0.1:8000</c>) is the process's <c>App</c>. A <see langword="null"/> property
/// is not passed. See <c>docs/backends/django-dev-server.md</c>.
/// </summary>
[ServerArgs("runserver")]
public sealed partial record DjangoDevServerArgs : IDjangoCommandOptions
{
    /// <summary><c>--ipv6</c>: listen on IPv6 (<c>::1</c> when no address is given). Default off.</summary>
    [Flag("ipv6", Boolean = BooleanStyle.Switch)]
    public bool? Ipv6 { get; init; }

    /// <summary><c>--nothreading</c>: serve one request at a time. Default off (threaded).</summary>
    [Flag("nothreading", Boolean = BooleanStyle.Switch)]
    public bool? NoThreading { get; init; }

    /// <summary><c>--noreload</c>: do not restart on code changes. Default off (the autoreloader runs the server in a child process).</summary>
    [Flag("noreload", Boolean = BooleanStyle.Switch)]
    public bool? NoReload { get; init; }

    /// <summary><c>--nostatic</c>: do not serve <c>STATIC_URL</c> files. Default off. Only with <c>django.contrib.staticfiles</c> installed.</summary>
    [Flag("nostatic", Boolean = BooleanStyle.Switch)]
    public bool? NoStatic { get; init; }

    /// <summary><c>--insecure</c>: serve static files even when <c>DEBUG</c> is off. Default off. Only with <c>django.contrib.staticfiles</c> installed.</summary>
    [Flag("insecure", Boolean = BooleanStyle.Switch)]
    public bool? Insecure { get; init; }

    /// <summary>Django <c>--verbosity</c>: output detail level. Default <see cref="DjangoVerbosity.Normal"/>.</summary>
    [Flag("verbosity")]
    public DjangoVerbosity? Verbosity { get; init; }

    /// <summary>Django <c>--settings</c>: the dotted settings module. Default <c>DJANGO_SETTINGS_MODULE</c> (which <c>manage.py</c> usually sets).</summary>
    [Flag("settings")]
    public string? Settings { get; init; }

    /// <summary>Django <c>--pythonpath</c>: a directory put in front of <c>sys.path</c>. Default none.</summary>
    [Flag("pythonpath")]
    public string? PythonPath { get; init; }

    /// <summary>Django <c>--traceback</c>: the full traceback on <c>CommandError</c>. Default off.</summary>
    [Flag("traceback", Boolean = BooleanStyle.Switch)]
    public bool? Traceback { get; init; }

    /// <summary>Django <c>--no-color</c>: uncoloured output. Default off. Cannot be combined with <see cref="ForceColor"/>.</summary>
    [Flag("no-color", Boolean = BooleanStyle.Switch)]
    public bool? NoColor { get; init; }

    /// <summary>Django <c>--force-color</c>: coloured output even without a terminal. Default off. Cannot be combined with <see cref="NoColor"/>.</summary>
    [Flag("force-color", Boolean = BooleanStyle.Switch)]
    public bool? ForceColor { get; init; }

    /// <summary>Flags a newer Django adds (4.0's <c>--skip-checks</c>), appended verbatim. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
