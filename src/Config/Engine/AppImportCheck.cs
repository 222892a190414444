using System.Linq;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>
/// <c>--check</c> for a server with no check of its own (waitress, uvicorn, granian, daphne, hypercorn): the app's module
/// imported, and its object looked up, by the Python that runs the server, in the server's working directory and
/// environment, as the server would at start. So a project not found from the working directory (<c>No module named
/// 'mysite'</c>) or settings that do not load fail the check, instead of passing it and then failing every start.
/// </summary>
internal static partial class AppImportCheck
{
    // The working directory first on sys.path, as these servers put it; then the module, then each name of the object in it.
    private const string Script =
        "import functools, importlib, sys; sys.path.insert(0, \"\"); functools.reduce(getattr, sys.argv[2:], importlib.import_module(sys.argv[1]))";

    /// <summary>
    /// The plan that imports <paramref name="process"/>'s app beside <paramref name="run"/>, or <see langword="null"/> when
    /// there is nothing to import this way: no <c>module:object</c> App, or a server that is no Python program (uWSGI).
    /// </summary>
    public static LaunchPlan? For(ProcessDefinition process, LaunchPlan run)
    {
        if (!process.Backend.ImportsApp || process.App is not { } app
            || Target().Match(app.Trim()) is not { Success: true } target || ServerVersionCheck.Interpreter(run) is not { } python)
        {
            return null;
        }

        string[] names = [target.Groups["module"].Value, .. target.Groups["object"].Success ? target.Groups["object"].Value.Split('.') : []];
        return run with { Executable = python[0], Arguments = [.. python.Skip(1), "-c", Script, .. names] };
    }

    // module:object, the object a dotted name; a factory call (module:create_app()) or anything else is not looked up.
    [GeneratedRegex(@"\A(?<module>[\p{L}_][\p{L}\p{Nd}_]*(?:\.[\p{L}_][\p{L}\p{Nd}_]*)*)(?::(?<object>[\p{L}_][\p{L}\p{Nd}_]*(?:\.[\p{L}_][\p{L}\p{Nd}_]*)*))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Target();
}
