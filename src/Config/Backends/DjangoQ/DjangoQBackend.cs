using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Runs a process with <c>python manage.py qcluster [options]</c>, the Django-Q2 (or django-q) cluster.</summary>
internal sealed class DjangoQBackend : DjangoManageBackend<DjangoQArgs>
{
    /// <inheritdoc />
    public override string Name => "DjangoQ";

    /// <inheritdoc />
    public override string Command => "qcluster";

    /// <inheritdoc />
    public override string? DistributionName => "django-q2";

    // Two distributions install the same django_q package and qcluster command: Django-Q2 ("django-q2", maintained) and the
    // original django-q ("django-q", what Debian ships as python3-django-q 1.3.9). Django-Q2 forked from 1.3.9 and continued
    // its numbering (1.4 on), so one release number orders both and a [Flag(Since = "1.5.0")] holds for either: whichever
    // is installed is read, Django-Q2 first. Were both installed, the metadata cannot tell whose files won; Django-Q2 is then
    // assumed, and the cluster itself still reports a flag it rejects.
    /// <inheritdoc />
    public override IReadOnlyList<string> DistributionNames => ["django-q2", "django-q"];

    // Both distributions install the django_q app, which brings qcluster.
    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandApps => ["django_q"];

    /// <inheritdoc />
    public override string InstallHint => "pip install django-q2 (or apt-get install python3-django-q), add django_q to INSTALLED_APPS and set Q_CLUSTER";

    // Django-Q2 takes the cluster name from Q_CLUSTER_NAME when set: the same value --name would give, from outside the config.
    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment => ["Q_CLUSTER_NAME"];

    // SIGTERM makes the sentinel stop taking tasks and wait for its workers to finish the running ones; 25 s leaves room
    // under the host's 30 s ShutdownTimeout.
    /// <inheritdoc />
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process) => TimeSpan.FromSeconds(25);

    /// <inheritdoc />
    private protected override void CheckArgs(DjangoQArgs args, ArgsProblems found) => DjangoQArgsRules.Check(args, found);
}
