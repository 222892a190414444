using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>uwsgi [options] --hook-master-start="unix_signal:15 gracefully_kill_them_all" --module=APP</c>.
/// uWSGI 2.0 treats SIGTERM as a brutal reload (the master stays, in-flight requests are cut) and <c>--die-on-term</c>
/// only makes it a brutal stop; the master-start hook makes SIGTERM a graceful stop on every release (workers finish their
/// requests within <c>--worker-reload-mercy</c>, then the master exits 0), so the stop signal stays SIGTERM and goes to the
/// master alone, which stops its workers itself. SIGHUP is uWSGI's graceful reload.
/// </summary>
internal sealed class UwsgiBackend : ServerBackend<UwsgiArgs>
{
    /// <summary>The hook that turns SIGTERM into a graceful stop (verified on uWSGI 2.0.21; 2.1 stops on SIGTERM anyway).</summary>
    public const string GracefulStopHook = "unix_signal:15 gracefully_kill_them_all";

    /// <summary>How long a graceful stop may run past <c>--worker-reload-mercy</c>.</summary>
    public static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(5);

    // uWSGI's own mercy is 60 s, which would outlast the host's default 30 s ShutdownTimeout; unless WorkerReloadMercy is set,
    // 25 s is waited, then the supervisor kills what is left.
    private static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(25);

    internal UwsgiBackend()
    {
    }

    /// <inheritdoc />
    public override string Name => "Uwsgi";

    /// <inheritdoc />
    /// <remarks>HUP: a graceful reload of the workers (USR1 and USR2 ended Debian's uwsgi 2.0.21; TTIN/TTOU suspend it).</remarks>
    public override IReadOnlyList<string> HandledSignals => ["HUP"];

    /// <inheritdoc />
    public override string Command => "uwsgi";

    /// <inheritdoc />
    public override string InstallHint => "apt-get install uwsgi uwsgi-plugin-python3 (Debian/Ubuntu) or pip install uwsgi";

    // The PyPI name. The installed version is read with importlib.metadata, which cannot look into the uwsgi binary
    // (Debian's is not a Python distribution at all), so today the Since flags are reported by uwsgi itself.
    /// <inheritdoc />
    public override string? DistributionName => "uWSGI";

    // uwsgi turns every UWSGI_<OPTION> variable into an option: UWSGI_HTTP_SOCKET alone makes it listen.
    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment => ["UWSGI_*"];

    /// <inheritdoc />
    public override bool StopSignalToGroup => false;

    /// <summary><see cref="UwsgiArgs.WorkerReloadMercy"/> plus <see cref="StopMargin"/> when set, otherwise 25 s.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The timeout.</returns>
    public override TimeSpan GetDefaultStopTimeout(ProcessDefinition process) =>
        process?.Args is UwsgiArgs { WorkerReloadMercy: { } mercy } ? TimeSpan.FromSeconds(mercy) + StopMargin : DefaultStopTimeout;

    /// <summary>The options, then the graceful-stop hook, then the app as <c>--module</c>.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The arguments after <c>uwsgi</c>.</returns>
    public override IReadOnlyList<string> BuildArguments(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var argv = new List<string>();
        process.Args.AppendArguments(argv);
        argv.Add("--hook-master-start=" + GracefulStopHook);
        if (process.App is { } app)
        {
            argv.Add("--module=" + app);
        }

        return argv;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process) =>
        process?.Args is UwsgiArgs args
            ? [.. new[] { args.HttpSocket, args.Socket, args.Http, args.HttpsSocket?.Select(s => s.Split(',')[0]).ToList() }
                .SelectMany(list => list ?? [])
                .Select(UwsgiAddress.TcpEndpoint)
                .OfType<ListenEndpoint>()
                .Distinct()]
            : [];

    /// <inheritdoc />
    /// <remarks>
    /// Its pid files, its log files (LogTo, LogTo2: a UDP address is no file), and what it makes anew at each start: the
    /// master FIFOs and a stats socket on a path.
    /// </remarks>
    internal override IEnumerable<WrittenFile> GetWrittenFiles(ProcessDefinition process)
    {
        if (process.Args is not UwsgiArgs a)
        {
            return base.GetWrittenFiles(process);
        }

        var logs = new[] { (a.LogTo, nameof(a.LogTo)), (a.LogTo2, nameof(a.LogTo2)) }.Where(l => l.Item1 is { } log && UwsgiAddress.TcpEndpoint(log) is null);
        var madeAnew = (a.MasterFifo ?? []).Select(fifo => ((string?)fifo, nameof(a.MasterFifo)))
            .Append((a.Stats is { } stats && UwsgiAddress.IsValid(stats) && UwsgiAddress.TcpEndpoint(stats) is null && !stats.StartsWith('@') ? stats : null, nameof(a.Stats)));
        return base.GetWrittenFiles(process)
            .Concat(WrittenFile.Set((a.PidFile, nameof(a.PidFile)), (a.PidFile2, nameof(a.PidFile2))))
            .Concat(WrittenFile.Set([.. logs]))
            .Concat(WrittenFile.Set([.. madeAnew]).Select(f => f.AsReplaced()))
            .Select(f => f.UnderUnverifiedChdir(a.Chdir ?? a.Chdir2));
    }

    /// <inheritdoc />
    /// <remarks>The entries of HttpSocket and Socket that are paths; an abstract name (<c>@name</c>) has no file to look at.</remarks>
    public override IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) =>
        process?.Args is UwsgiArgs args
            ? [.. new[] { args.HttpSocket, args.Socket }
                .SelectMany(list => list ?? [])
                .Where(entry => UwsgiAddress.IsValid(entry) && UwsgiAddress.TcpEndpoint(entry) is null && !entry.StartsWith('@'))
                .Distinct()]
            : [];

    /// <summary>The args, plus what only the whole process shows: one app source, and no <c>Python</c> (uWSGI embeds its own).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The problems.</returns>
    public override IReadOnlyList<SettingProblem> Validate(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var problems = base.Validate(process).ToList();
        if (process.Python is not null)
        {
            problems.Add(new("Python", "Python is not used by the Uwsgi backend: uwsgi embeds the interpreter of its python3 plugin. Remove Python; set Args:Home for a virtualenv."));
        }

        if (process.Args is UwsgiArgs args)
        {
            var loaders = new[] { (nameof(UwsgiArgs.Module), args.Module), (nameof(UwsgiArgs.WsgiFile), args.WsgiFile), (nameof(UwsgiArgs.Paste), args.Paste) }
                .Where(l => l.Item2 is not null).Select(l => "Args:" + l.Item1).ToList();
            if (!string.IsNullOrWhiteSpace(process.App) && loaders.Count > 0)
            {
                problems.Add(new("App", $"App and {string.Join(", ", loaders)} both name the app uwsgi loads: keep one."));
            }
            else if (string.IsNullOrWhiteSpace(process.App) && loaders.Count == 0 && args.Mount is not { Count: > 0 } && args.Ini is not { Count: > 0 })
            {
                problems.Add(new("App", MissingAppProblem));
            }
        }

        return problems;
    }

    /// <inheritdoc />
    protected override bool RequiresApp => false;

    /// <inheritdoc />
    private protected override void CheckArgs(UwsgiArgs args, ArgsProblems found) => UwsgiArgsRules.Check(args, found);

    /// <inheritdoc />
    protected override string? ValidateApp(string app) => AppTargetSyntax.ModuleColonObjectProblem(app, "mysite.wsgi:application");
}

/// <summary>uWSGI's socket addresses: <c>HOST:PORT</c>, <c>:PORT</c> (every interface), <c>[v6]:PORT</c>, or a Unix socket path.</summary>
internal static class UwsgiAddress
{
    /// <summary>Whether <paramref name="entry"/> is a TCP address with a listen port, or a Unix socket path.</summary>
    /// <param name="entry">The address.</param>
    /// <returns><see langword="true"/> when uwsgi can bind it.</returns>
    public static bool IsValid(string? entry) =>
        !string.IsNullOrWhiteSpace(entry) && !entry.Any(char.IsWhiteSpace) && (IsUnixPath(entry) || TcpEndpoint(entry) is not null);

    /// <summary>The TCP endpoint of <paramref name="entry"/> (<c>:PORT</c> as 0.0.0.0), or <see langword="null"/> for a Unix path or a bad port.</summary>
    /// <param name="entry">The address.</param>
    /// <returns>The endpoint.</returns>
    public static ListenEndpoint? TcpEndpoint(string entry) =>
        !IsUnixPath(entry) && HostPort.TrySplit(entry, out var host, out var port) && HostPort.IsListenPort(port)
            ? new ListenEndpoint(host.Length == 0 ? "0.0.0.0" : host, port!.Value)
            : null;

    // uwsgi binds a path (or an @abstract name) when the entry has no colon or holds a slash.
    private static bool IsUnixPath(string entry) => !entry.Contains(':', StringComparison.Ordinal) || entry.Contains('/', StringComparison.Ordinal);
}
