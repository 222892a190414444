namespace ProdServer.Config;

/// <summary>
/// The options every Django management command has (Django's <c>BaseCommand</c>), shared by the <c>manage.py</c> backends.
/// <c>--version</c> and <c>--help</c> print and exit, so they have no property; <c>--skip-checks</c> exists only on commands
/// that run system checks, so it is in <see cref="DjangoCheckedCommandArgs"/> only. The properties are declared once, in <see cref="DjangoCommandArgs"/>.
/// </summary>
public interface IDjangoCommandOptions
{
    /// <summary><c>--verbosity</c>: output detail level.</summary>
    DjangoVerbosity? Verbosity { get; }

    /// <summary><c>--settings</c>: the dotted settings module, instead of <c>DJANGO_SETTINGS_MODULE</c>.</summary>
    string? Settings { get; }

    /// <summary><c>--pythonpath</c>: a directory put in front of <c>sys.path</c>.</summary>
    string? PythonPath { get; }

    /// <summary><c>--traceback</c>: the full traceback on <c>CommandError</c>.</summary>
    bool? Traceback { get; }

    /// <summary><c>--no-color</c>: uncoloured output.</summary>
    bool? NoColor { get; }

    /// <summary><c>--force-color</c>: coloured output even without a terminal.</summary>
    bool? ForceColor { get; }
}
