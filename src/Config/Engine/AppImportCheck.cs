using System.Linq;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// <c>--check</c> for a server with no check of its own (waitress, uvicorn, granian, daphne, hypercorn): the app's module
/// imported, and its object looked up, by the Python that runs the server, in the server's working directory and
/// environment, as the server would at start. So a project not found from the working directory (<c>No module named
/// 'mysite'</c>) or settings that do not load fail the check, instead of passing it and then failing every start. The
/// modules the process's settings make the server need (<see cref="ServerBackend.GetRequiredModules"/>: uvloop for
/// <c>Loop = Uvloop</c>) are imported first, in the same Python start.
/// </summary>
internal static class AppImportCheck
{
    // The working directory first on sys.path, as these servers put it; then the module, then each name of the object in it.
    private const string Script =
        "import functools, importlib, sys; sys.path.insert(0, \"\"); functools.reduce(getattr, sys.argv[2:], importlib.import_module(sys.argv[1]))";

    // With modules the settings make the server need (uvloop for Loop uvloop): argv COUNT MODULE… then the app's names as
    // above. Each module is imported first; one that does not import is one line (prodserver-check: module INDEX Type:
    // message, read by CheckFindings) and exit 1, before the app is imported.
    private const string ModulesScript =
        "import functools, importlib, sys\n" +
        "sys.path.insert(0, '')\n" +
        "count = int(sys.argv[1]); modules, names = sys.argv[2:2 + count], sys.argv[2 + count:]\n" +
        "found = []\n" +
        "for i, module in enumerate(modules):\n" +
        "    try:\n" +
        "        importlib.import_module(module)\n" +
        "    except Exception as e:\n" +
        "        found.append('module %d %s: %s' % (i, type(e).__name__, ' '.join(str(e).split())))\n" +
        "for f in found: print('prodserver-check:', f, file=sys.stderr)\n" +
        "if found: sys.exit(1)\n" +
        "functools.reduce(getattr, names[1:], importlib.import_module(names[0]))\n";

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
        var modules = process.Backend.GetRequiredModules(process);
        return modules.Count == 0
            ? run with { Executable = python[0], Arguments = [.. python.Skip(1), "-c", Script, .. names] }
            : run with { Executable = python[0], Arguments = [.. python.Skip(1), "-c", ModulesScript, modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. modules.Select(m => m.Name), .. names] };
    }
}
