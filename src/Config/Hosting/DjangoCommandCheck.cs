using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// <c>--check</c> for a Django management command (qcluster, db_worker, rqworker, runserver): <c>manage.py check</c>, then,
/// in the same Python, whether manage.py has the command at all, and the names the command's settings make it import
/// (<see cref="ServerBackend.GetImportedNames"/>). <c>manage.py check</c> alone passed a project whose settings leave
/// the command's app out of <c>INSTALLED_APPS</c>, and every start then failed with <c>Unknown command: 'qcluster'</c>.
/// One Python start for all of it: manage.py is run as <c>python manage.py check</c> runs it (its directory first on
/// <c>sys.path</c>, its own settings default), and the questions are asked of the Django it has set up.
/// </summary>
internal static class DjangoCommandCheck
{
    // argv: COMMAND APPS COUNT NAME… PROBE PCOUNT PARG… MANAGE.PY check [--settings=…] [--pythonpath=…]. A finding is one
    // stderr line "prodserver-check: command APP" (APP: the first of the command's apps Python can import, or "-") or
    // "prodserver-check: name INDEX Type: message", and exit 1; manage.py check failing exits as it does, before any.
    // A name is resolved as rq's import_attribute resolves it: the longest dotted prefix that imports as a module, then
    // the rest as attributes (a class in a class, which Django's import_string would refuse, is a valid rqworker class);
    // when none does, the error of the longest attempt is reported (No module named 'x', or the missing attribute), not
    // rq's "Invalid attribute name", which says neither. PROBE (or "") is the backend's Python run
    // then, when manage.py has the command (DjangoSettingsProbe), with its PARGs as args and found, resolve and error.
    private const string Script =
        "import functools, os, runpy, sys\n" +
        "from importlib import import_module, util\n" +
        "command, apps, count = sys.argv[1], sys.argv[2], int(sys.argv[3])\n" +
        "names, rest = sys.argv[4:4 + count], sys.argv[4 + count:]\n" +
        "probe, count = rest[0], int(rest[1])\n" +
        "probe_args, sys.argv = rest[2:2 + count], rest[2 + count:]\n" +
        "sys.path[0] = os.path.dirname(os.path.realpath(sys.argv[0]))\n" +
        "try:\n" +
        "    runpy.run_path(sys.argv[0], run_name='__main__')\n" +
        "except SystemExit as e:\n" +
        "    if e.code not in (None, 0): raise\n" +
        "def resolve(name):\n" +
        "    bits, first = name.split('.'), None\n" +
        "    for cut in range(len(bits) - 1, 0, -1):\n" +
        "        try:\n" +
        "            return functools.reduce(getattr, bits[cut:], import_module('.'.join(bits[:cut])))\n" +
        "        except (ImportError, AttributeError) as e:\n" +
        "            first = first or e\n" +
        "    raise first or ValueError('%r is not a dotted path' % name)\n" +
        "def error(e):\n" +
        "    return '%s: %s' % (type(e).__name__, ' '.join(str(e).split()))\n" +
        "from django.core.management import get_commands, load_command_class\n" +
        "found = []\n" +
        "if command in get_commands(): load_command_class(get_commands()[command], command)\n" +
        "else: found.append('command ' + next((a for a in apps.split(',') if a and util.find_spec(a)), '-'))\n" +
        "for i, name in enumerate(names):\n" +
        "    try:\n" +
        "        resolve(name)\n" +
        "    except Exception as e:\n" +
        "        found.append('name %d %s' % (i, error(e)))\n" +
        "if probe and command in get_commands(): exec(probe, {'args': probe_args, 'found': found, 'resolve': resolve, 'error': error})\n" +
        "for f in found: print('prodserver-check:', f, file=sys.stderr)\n" +
        "sys.exit(1 if found else 0)\n";

    /// <summary>
    /// The check's plan beside <paramref name="run"/> (<c>python manage.py COMMAND options…</c>), or
    /// <see langword="null"/> when that is not a manage.py launch.
    /// </summary>
    /// <param name="run">The plan that would start the command.</param>
    /// <param name="command">The management command.</param>
    /// <param name="apps">The Django apps (top-level modules) that bring the command, to say which one to add.</param>
    /// <param name="names">What the command's settings make it import.</param>
    /// <param name="probe">What the backend asks of the project's settings besides, or <see langword="null"/>.</param>
    public static LaunchPlan? For(LaunchPlan run, string command, IReadOnlyList<string> apps, IReadOnlyList<ImportedName> names, DjangoSettingsProbe? probe = null)
    {
        if (run.Arguments.Count < 2)
        {
            return null;
        }

        // run.Arguments is [manage.py, <command>, options…]; Django's base options decide which project "check" loads.
        var projectOptions = run.Arguments.Skip(2).Where(a => a.StartsWith("--settings=", System.StringComparison.Ordinal) || a.StartsWith("--pythonpath=", System.StringComparison.Ordinal));
        return run with
        {
            Arguments =
            [
                "-c", Script, command, string.Join(',', apps), names.Count.ToString(CultureInfo.InvariantCulture), .. names.Select(n => n.Name),
                probe?.Script ?? "", (probe?.Arguments.Count ?? 0).ToString(CultureInfo.InvariantCulture), .. probe?.Arguments ?? [],
                run.Arguments[0], "check", .. projectOptions,
            ],
        };
    }

    /// <summary>
    /// How <paramref name="check"/> is shown: the <c>manage.py check</c> it runs (<c>/usr/bin/python3 manage.py check
    /// --settings=…</c>), not the script around it; <see langword="null"/> when it is not this check.
    /// </summary>
    public static string? Shown(LaunchPlan check)
    {
        var arguments = check.Arguments;
        if (arguments.Count < 5 || arguments[0] != "-c" || arguments[1] != Script
            || !int.TryParse(arguments[4], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || arguments.Count < 7 + count
            || !int.TryParse(arguments[6 + count], NumberStyles.None, CultureInfo.InvariantCulture, out var probeCount) || arguments.Count < 7 + count + probeCount)
        {
            return null;
        }

        return (check with { Arguments = [.. arguments.Skip(7 + count + probeCount)] }).DisplayCommandLine;
    }
}
