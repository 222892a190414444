using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>One process as <c>import django-prodserver</c> translated it.</summary>
/// <param name="Name">The process name (validated with <see cref="Names.NameProblem"/>).</param>
/// <param name="Backend">The backend.</param>
/// <param name="App">The app target, or <see langword="null"/> for a backend that takes none.</param>
/// <param name="Args">Each typed property set, in the record's declaration order, with the value the binder parsed.</param>
/// <param name="Environment">Variables the process needs to see the settings django-prodserver read (<c>DJANGO_SETTINGS_MODULE</c>).</param>
/// <param name="WorkingDirectory">The project's directory when it is not the content root, else <see langword="null"/>.</param>
/// <param name="Python">The interpreter that read the settings, when the process would not run it by default (<see cref="ImportedInterpreter"/>).</param>
/// <param name="Venv">The virtual environment that read the settings, else <see langword="null"/>.</param>
internal sealed record ImportedProcess(
    string Name,
    ServerBackend Backend,
    string? App,
    IReadOnlyList<KeyValuePair<string, object>> Args,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string? WorkingDirectory,
    string? Python,
    string? Venv);

/// <summary>Where and with which Python the imported processes run: the same for every process of the settings.</summary>
/// <param name="WorkingDirectory">The project's directory for each process, when it is not the content root.</param>
/// <param name="Environment">Variables every process gets (the settings module, when manage.py would not choose it).</param>
/// <param name="Interpreter">The Python that read the settings, as the processes need it written.</param>
internal sealed record ImportedPlace(
    string? WorkingDirectory, IReadOnlyList<KeyValuePair<string, string>> Environment, ImportedInterpreter Interpreter);

/// <summary>The translation of a <c>PRODUCTION_PROCESSES</c>: what was imported, what was not (with why), and notes.</summary>
/// <param name="Processes">The processes, in the settings' order.</param>
/// <param name="Dropped">One line per key or process not translated, naming the process, the key and the reason.</param>
/// <param name="Notes">Information: where an app came from, what the start-up check would still refuse.</param>
internal sealed record ImportResult(IReadOnlyList<ImportedProcess> Processes, IReadOnlyList<string> Dropped, IReadOnlyList<string> Notes);
