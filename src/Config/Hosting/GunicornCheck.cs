using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// <c>--check</c> of gunicorn: its own <c>--check-config</c>, which imports the app but not the worker and logger classes
/// (gunicorn 20.1 passed <c>-k nope.Worker</c> and <c>-k gevent</c> without gevent, and every start then failed), run
/// through gunicorn's own application class with <c>load</c> asking first for <c>cfg.worker_class</c> and
/// <c>cfg.logger_class</c>, which import them as the master does at start, from the command line or the configuration
/// file alike. Still one Python start.
/// </summary>
internal static class GunicornCheck
{
    // argv: SPEC… -- ARGV0 gunicorn-arguments…, a SPEC being INDEX:SETTING (INDEX of the configured name it reports as, or
    // "-" when the setting is not configured here). load_class wraps an import error in a RuntimeError whose text is the
    // whole traceback: the error it was raised from is reported instead. The property is called as a descriptor, since an
    // AttributeError inside it (a module without the class) makes plain getattr fall back on Config.__getattr__, which
    // returns the setting's string. Findings as CheckFindings reads them.
    private const string Script =
        "import sys\n" +
        "from gunicorn.app.wsgiapp import WSGIApplication\n" +
        "end = sys.argv.index('--'); specs, sys.argv = sys.argv[1:end], sys.argv[end + 1:]\n" +
        "class Check(WSGIApplication):\n" +
        "    def load(self):\n" +
        "        found = []\n" +
        "        for spec in specs:\n" +
        "            index, _, setting = spec.partition(':')\n" +
        "            try:\n" +
        "                getattr(type(self.cfg), setting).__get__(self.cfg)\n" +
        "            except Exception as e:\n" +
        "                e = e.__context__ if isinstance(e, RuntimeError) and e.__context__ else e\n" +
        "                found.append('%s %s: %s' % ('setting ' + setting if index == '-' else 'name ' + index, type(e).__name__, ' '.join(str(e).split())))\n" +
        "        for f in found: print('prodserver-check:', f, file=sys.stderr)\n" +
        "        if found: sys.exit(1)\n" +
        "        return super().load()\n" +
        "Check('%(prog)s [OPTIONS] [APP_MODULE]').run()\n";

    // What the script is told argv[0] was when gunicorn ran from the backend's Python entry point, not its script.
    private const string EntryPointName = "gunicorn";

    /// <summary>
    /// <paramref name="check"/> (<c>gunicorn --check-config …</c>, from the script or through <paramref name="entryPoint"/>)
    /// run so that it also imports the classes of <paramref name="settings"/>, or <see langword="null"/> when the Python
    /// that runs gunicorn is not known.
    /// </summary>
    /// <param name="check">gunicorn's own check.</param>
    /// <param name="entryPoint">The backend's <c>python -c</c> entry point, which a launch with Python or Venv runs.</param>
    /// <param name="settings">gunicorn's settings to ask for, each with the index of the configured name it is reported as, or -1.</param>
    public static LaunchPlan? For(LaunchPlan check, string entryPoint, IEnumerable<(string Setting, int Index)> settings)
    {
        var arguments = check.Arguments;
        var specs = settings.Select(s => (s.Index < 0 ? "-" : s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ":" + s.Setting);
        var entry = arguments.ToList().IndexOf("-c");
        if (entry >= 0 && entry + 1 < arguments.Count && arguments[entry + 1] == entryPoint)
        {
            return check with { Arguments = [.. arguments.Take(entry), "-c", Script, .. specs, "--", EntryPointName, .. arguments.Skip(entry + 2)] };
        }

        return ServerVersionCheck.Interpreter(check) is { } python
            ? check with { Executable = python[0], Arguments = [.. python.Skip(1), "-c", Script, .. specs, "--", check.Executable, .. arguments] }
            : null;
    }

    /// <summary>How <paramref name="check"/> is shown: as gunicorn's own check it wraps; <see langword="null"/> when it is not this check.</summary>
    /// <param name="check">A check's plan.</param>
    /// <param name="entryPoint">The backend's <c>python -c</c> entry point.</param>
    public static string? Shown(LaunchPlan check, string entryPoint)
    {
        var arguments = check.Arguments.ToList();
        var script = arguments.IndexOf("-c");
        if (script < 0 || script + 1 >= arguments.Count || arguments[script + 1] != Script || arguments.IndexOf("--", script + 2) is not (> 0 and var end) || end + 1 >= arguments.Count)
        {
            return null;
        }

        var argv0 = arguments[end + 1];
        var rest = arguments.Skip(end + 2);
        return (argv0 == EntryPointName
            ? check with { Arguments = [.. arguments.Take(script), "-c", entryPoint, .. rest] }
            : check with { Executable = argv0, Arguments = [.. rest] }).DisplayCommandLine;
    }
}
