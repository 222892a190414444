using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of Django-Q2's <c>manage.py qcluster</c> (django-q2 1.11.0; the original django-q 1.3.9, Debian's
/// <c>python3-django-q</c>, has the same command without <see cref="Name"/>), plus Django's base command options. The cluster
/// itself is configured by the <c>Q_CLUSTER</c> setting; these are only the command-line switches. A <see langword="null"/>
/// property is not passed. See <c>docs/backends/django-q.md</c>.
/// </summary>
[ServerArgs("qcluster")]
public sealed partial record DjangoQArgs : IDjangoCommandOptions
{
    /// <summary><c>--run-once</c>: start the cluster and stop it as soon as it is up (the process then exits 0). Default off. A smoke test, not a way to serve.</summary>
    [Flag("run-once", Boolean = BooleanStyle.Switch)]
    public bool? RunOnce { get; init; }

    /// <summary><c>--name</c>: the cluster (queue) name, overriding <c>Q_CLUSTER["name"]</c>. Default the setting. Django-Q2 1.5 and later; the original django-q 1.3.9 rejects it.</summary>
    [Flag("name", Since = "1.5.0")]
    public string? Name { get; init; }

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

    /// <summary>Django <c>--skip-checks</c>: skip the system checks before starting. Default off.</summary>
    [Flag("skip-checks", Boolean = BooleanStyle.Switch)]
    public bool? SkipChecks { get; init; }

    /// <summary>Flags a newer qcluster adds, appended verbatim. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
