using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Every option of Django-Q2's <c>manage.py qcluster</c> (django-q2 1.11.0; the original django-q 1.3.9, Debian's
/// <c>python3-django-q</c>, has the same command without <see cref="Name"/>), plus Django's base command options (inherited from <see cref="DjangoCheckedCommandArgs"/>). The cluster
/// itself is configured by the <c>Q_CLUSTER</c> setting; these are only the command-line switches. A <see langword="null"/>
/// property is not passed. See <c>docs/backends/django-q.md</c>.
/// </summary>
[ServerBuilder(
    "UseDjangoQ",
    "DjangoQ",
    ProcessName = "worker",
    Summary = "Runs this process with <c>python manage.py qcluster [options]</c> from the Django project (the working directory).",
    Declares = "run by a Django-Q2 cluster",
    Configure = "Sets qcluster's options, for example <c>q =&gt; q with { Name = \"long\" }</c>.")]
[ServerArgs("qcluster")]
public sealed partial record DjangoQArgs : DjangoCheckedCommandArgs
{
    /// <summary><c>--run-once</c>: start the cluster and stop it as soon as it is up (the process then exits 0). Default off. A smoke test, not a way to serve.</summary>
    [Flag("run-once", Boolean = BooleanStyle.Switch)]
    public bool? RunOnce { get; init; }

    /// <summary><c>--name</c>: the cluster (queue) name, overriding <c>Q_CLUSTER["name"]</c>. Default the setting. Django-Q2 1.5 and later; the original django-q 1.3.9 rejects it.</summary>
    [Flag("name", Since = "1.5.0")]
    public string? Name { get; init; }

    /// <summary>Flags a newer qcluster adds, appended verbatim. Each entry must start with <c>--</c> and hold no line break.</summary>
    [ExtraArgs]
    public IReadOnlyList<string>? ExtraArgs { get; init; }
}
