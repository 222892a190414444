using System.Linq;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// <c>--check</c> for a server with no check of its own (waitress, uvicorn, granian, daphne, hypercorn): the app's module
/// imported, and its object looked up, by the Python that runs the server, in the server's working directory and
/// environment, as the server would at start. So a project not found from the working directory (<c>No module named
/// 'mysite'</c>) or settings that do not load fail the check, instead of passing it and then failing every start.
/// </summary>
internal static class AppImportCheck
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
        // The target syntax the backends validate with (PSC0103's): module, or module:object with a dotted object.
        if (!process.Backend.ImportsApp || process.App?.Trim() is not { } app || !PythonTargetSyntax.IsModuleTarget(app)
            || ServerVersionCheck.Interpreter(run) is not { } python)
        {
            return null;
        }

        var colon = app.IndexOf(':');
        string[] names = colon < 0 ? [app] : [app[..colon], .. app[(colon + 1)..].Split('.')];
        return run with { Executable = python[0], Arguments = [.. python.Skip(1), "-c", Script, .. names] };
    }
}
