using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of Django's <c>manage.py runserver</c> (Django 3.2, as its <c>--help</c> lists them with
/// <c>django.contrib.staticfiles</c> installed), for <b>development only</b>: Django's own docs say never to use it in
/// production. The address (<c>8000</c>, <c>127.0.0.1:8000</c>) is the process's <c>App</c>. A <see langword="null"/> property
/// is not passed; Django's base command options are inherited from <see cref="DjangoCommandArgs"/>. See <c>docs/backends/django-dev-server.md</c>.
/// </summary>
[ServerBuilder(
    "UseDjangoDevServer",
    "DjangoDevServer",
    AppParameter = "addrport",
    App = "Where to listen: <c>8000</c>, <c>127.0.0.1:8000</c> or <c>[::1]:8000</c>; it becomes the process's <c>App</c>.",
    Summary = "Runs this process with <c>python manage.py runserver [options] ADDRPORT</c>.",
    SummaryWithoutApp = "Runs this process with <c>python manage.py runserver [options]</c> on Django's default 127.0.0.1:8000.",
    Declares = "served by Django's development server on <paramref name=\"addrport\"/>",
    DeclaresWithoutApp = "served by Django's development server on its default 127.0.0.1:8000",
    Configure = "Sets runserver's options, for example <c>d =&gt; d with { NoReload = true }</c>.")]
[ServerArgs("runserver")]
public sealed partial record DjangoDevServerArgs : DjangoCommandArgs
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

    /// <summary>Flags a newer Django adds (4.0's <c>--skip-checks</c>), appended verbatim. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
