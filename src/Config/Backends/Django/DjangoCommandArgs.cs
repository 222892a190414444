namespace ProdServer.Config;

/// <summary>
/// The options every Django management command has (Django's <c>BaseCommand</c>), declared once for the <c>manage.py</c>
/// backends' args records, which inherit them. Written after the command's own options, where Django's <c>--help</c> lists
/// them. <c>--version</c> and <c>--help</c> print and exit, so they have no property. Derive your own command's
/// <c>[ServerArgs]</c> record from it (or from <see cref="DjangoCheckedCommandArgs"/>) to get them too.
/// </summary>
[FlagGroup(Position = FlagGroupPosition.Last)]
public abstract record DjangoCommandArgs : IDjangoCommandOptions
{
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
}

/// <summary>
/// <see cref="DjangoCommandArgs"/> plus <c>--skip-checks</c>, which Django adds only to the commands that run the system
/// checks before starting (Django 3.2's <c>runserver</c> runs them itself and has no such flag; 4.0 added one).
/// </summary>
[FlagGroup(Position = FlagGroupPosition.Last)]
public abstract record DjangoCheckedCommandArgs : DjangoCommandArgs
{
    /// <summary>Django <c>--skip-checks</c>: skip the system checks before starting. Default off.</summary>
    [Flag("skip-checks", Boolean = BooleanStyle.Switch)]
    public bool? SkipChecks { get; init; }
}
