using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// What <c>--check</c> of an RQ worker asks django-rq's own settings, in the Python start that already runs
/// <c>manage.py check</c> (<see cref="DjangoSettingsProbe"/>): the classes rqworker resolves at start when Args does not
/// name them, and whether the queues it listens on are keys of <c>RQ_QUEUES</c>. Each of them ended every start in a
/// traceback (ValueError, ImportError, KeyError, ImproperlyConfigured) while <c>--check</c> passed.
/// </summary>
/// <remarks>
/// Read from django-rq's source, 2.7.0 (Debian 12's) and 4.1 alike: <c>get_worker_class</c> takes
/// <c>RQ['WORKER_CLASS']</c> when <c>--worker-class</c> is not given, <c>get_job_class</c> <c>RQ['JOB_CLASS']</c>;
/// <c>get_queue_class</c> takes <c>--queue-class</c>, else the queue's own <c>QUEUE_CLASS</c> in <c>RQ_QUEUES</c>, else
/// <c>RQ['QUEUE_CLASS']</c>; every path in <c>RQ_EXCEPTION_HANDLERS</c> is imported by <c>get_exception_handlers</c>
/// (not <c>RQ['EXCEPTION_HANDLERS']</c>, which its docstring names); each queue named on the command line, or
/// <c>default</c> when none is, is looked up in <c>RQ_QUEUES</c>, which must be defined. A value that is not a string is
/// a class already, imported with the settings. A queue's <c>SERIALIZER</c> is not read by rqworker, whose
/// <c>--serializer</c> always has a value (4.x).
/// </remarks>
internal static class RqWorkerSettingsProbe
{
    // args: WORKER JOB QUEUE QUEUES…, the first three "+" when Args names that class (the setting is then not read), else
    // "-". Findings: "setting KEY Type: message" (as CheckFindings reads the app settings of celery's check), "queue INDEX
    // (KEYS)" (INDEX into Args:Queues, or "-" for the default queue; KEYS as Python's repr writes them, so none can break
    // the line), "rq-queues" (RQ_QUEUES not defined), "rq-queues TYPE" (not a dict: rqworker's QUEUES[name] fails), and
    // "queue-class INDEX" or "queue-connection INDEX" for an entry rqworker's get_queues refuses beside the first (its
    // ValueError): its class, resolved as get_queue_class resolves it, is another, or its connection settings are others
    // (django-rq's own filter_connection_params decides). A class compared is the resolved one, so that two paths to
    // one class are one.
    private const string Script =
        "from django.conf import settings\n" +
        "from django_rq.queues import DjangoRQ, filter_connection_params\n" +
        "worker_set, job_set, queue_set, queues = args[0], args[1], args[2], args[3:]\n" +
        "rq = getattr(settings, 'RQ', {})\n" +
        "rq = rq if isinstance(rq, dict) else {}\n" +
        "failed = object()\n" +
        "def check(key, path):\n" +
        "    if not isinstance(path, str): return path\n" +
        "    try:\n" +
        "        return resolve(path)\n" +
        "    except Exception as e:\n" +
        "        found.append('setting %s %s' % (key, error(e)))\n" +
        "        return failed\n" +
        "if worker_set == '-' and 'WORKER_CLASS' in rq: check(\"RQ['WORKER_CLASS']\", rq['WORKER_CLASS'])\n" +
        "if job_set == '-': check(\"RQ['JOB_CLASS']\", rq.get('JOB_CLASS'))\n" +
        "defined = getattr(settings, 'RQ_QUEUES', None)\n" +
        "if defined is None:\n" +
        "    found.append('rq-queues')\n" +
        "elif not isinstance(defined, dict):\n" +
        "    found.append('rq-queues ' + type(defined).__name__)\n" +
        "else:\n" +
        "    shared, kinds = {}, []\n" +
        "    for i, name in enumerate(queues or ['default']):\n" +
        "        config = defined.get(name)\n" +
        "        if name not in defined:\n" +
        "            found.append('queue %s (%s)' % (i if queues else '-', ', '.join(sorted(repr(k) for k in defined))))\n" +
        "            kinds.append(failed)\n" +
        "        elif queue_set == '+':\n" +
        "            kinds.append(None)\n" +
        "        elif isinstance(config, dict) and config and 'QUEUE_CLASS' in config:\n" +
        "            kinds.append(check(\"RQ_QUEUES['%s']['QUEUE_CLASS']\" % name, config['QUEUE_CLASS']))\n" +
        "        elif 'QUEUE_CLASS' in rq:\n" +
        "            if not shared: shared['class'] = check(\"RQ['QUEUE_CLASS']\", rq['QUEUE_CLASS'])\n" +
        "            kinds.append(shared['class'])\n" +
        "        else:\n" +
        "            kinds.append(DjangoRQ)\n" +
        "    if len(queues) > 1 and failed not in kinds:\n" +
        "        for i, name in enumerate(queues[1:], 1):\n" +
        "            if kinds[i] is not kinds[0]: found.append('queue-class %d' % i)\n" +
        "            if all(isinstance(defined[q], dict) for q in (queues[0], name)) and filter_connection_params(defined[name]) != filter_connection_params(defined[queues[0]]):\n" +
        "                found.append('queue-connection %d' % i)\n" +
        "handlers = getattr(settings, 'RQ_EXCEPTION_HANDLERS', [])\n" +
        "for i, path in enumerate(handlers if isinstance(handlers, (list, tuple)) else []): check('RQ_EXCEPTION_HANDLERS[%d]' % i, path)\n";

    private const string Settings = "the settings manage.py loads";

    /// <summary>The probe for <paramref name="args"/>.</summary>
    /// <param name="args">The worker's args.</param>
    public static DjangoSettingsProbe For(RqWorkerArgs args) =>
        new(Script, [Named(args.WorkerClass), Named(args.JobClass), Named(args.QueueClass), .. args.Queues ?? []]);

    /// <summary>How a finding names the setting <paramref name="setting"/> (<c>RQ['WORKER_CLASS']</c>), with the Args key that would override it.</summary>
    /// <param name="setting">The setting, as the probe writes it.</param>
    public static string SettingSource(string setting) =>
        $"{setting} of {Settings}" + setting switch
        {
            "RQ['WORKER_CLASS']" => " (Args:WorkerClass is not set)",
            "RQ['JOB_CLASS']" => " (Args:JobClass is not set)",
            _ when setting.EndsWith("['QUEUE_CLASS']", System.StringComparison.Ordinal) => " (Args:QueueClass is not set)",
            _ => "",
        };

    /// <summary>The message for a queue finding of the probe, or <see langword="null"/> when <paramref name="words"/> is none.</summary>
    /// <param name="args">The worker's args.</param>
    /// <param name="words">The finding, split in at most three words.</param>
    public static string? Message(RqWorkerArgs args, IReadOnlyList<string> words) => words switch
    {
        ["rq-queues"] =>
            $"{Settings} do not define RQ_QUEUES, which rqworker reads at start (ImproperlyConfigured): define it, with a key for each entry of Args:Queues ('default' when Queues is not set).",
        ["rq-queues", var type] when type.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') =>
            $"RQ_QUEUES of {Settings} is a {type}, not a dict of queue names to their connections, which rqworker looks its queues up in at start: " +
            "make it a dict, with a key for each entry of Args:Queues ('default' when Queues is not set).",
        ["queue-connection", var index] when Entry(args, index) is { } entry =>
            $"Args:Queues entry {entry} has another Redis connection in RQ_QUEUES of {Settings} than {First(args)}, the first entry, " +
            "and rqworker would stop at start (ValueError: Queues must have the same redis connection): run a worker for each connection.",
        ["queue-class", var index] when Entry(args, index) is { } entry =>
            $"Args:Queues entry {entry} has another queue class in {Settings} than {First(args)}, the first entry " +
            "(a queue's QUEUE_CLASS in RQ_QUEUES, else RQ['QUEUE_CLASS']), and rqworker would stop at start (ValueError: Queues must have the same class): " +
            "give the queues one class, or set Args:QueueClass.",
        ["queue", "-", var keys] =>
            $"Args:Queues is not set, so rqworker would listen on 'default', which is not a key of RQ_QUEUES of {Settings} {Shown(keys)}: " +
            "set Queues to the names to listen on, or add 'default' to RQ_QUEUES.",
        ["queue", var index, var keys] when Entry(args, index) is { } entry =>
            $"Args:Queues entry {entry} is not a key of RQ_QUEUES of {Settings} {Shown(keys)}, " +
            "and rqworker would stop at start with a KeyError: add it to RQ_QUEUES, or correct the entry.",
        _ => null,
    };

    private static string Named(string? setting) => string.IsNullOrWhiteSpace(setting) ? "-" : "+";

    // The Args:Queues entry a finding's INDEX names, quoted and escaped; null when INDEX is none.
    private static string? Entry(RqWorkerArgs args, string index) =>
        int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && args.Queues is { } queues && i < queues.Count
            ? Quoted.Value(Names.Printable(queues[i], Quoted.LongestShown))
            : null;

    private static string? First(RqWorkerArgs args) => Entry(args, "0");

    // The keys as Python's repr wrote them (no control character left; the line was escaped for the log as read) and cut
    // when long, as a quoted value is: the settings may hold many queues.
    private static string Shown(string keys) =>
        keys.Length <= Quoted.LongestShown ? keys : keys[..(char.IsHighSurrogate(keys[Quoted.LongestShown - 1]) ? Quoted.LongestShown - 1 : Quoted.LongestShown)] + "…)";
}
