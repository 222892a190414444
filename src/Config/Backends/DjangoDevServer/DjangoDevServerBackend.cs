using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>
/// Runs a process with <c>python manage.py runserver [options] [addrport]</c>, Django's development server (the counterpart of
/// django-prodserver's <c>devserver</c>). Never for production. The process's <c>App</c>, when set, is the address:
/// <c>8000</c>, <c>127.0.0.1:8000</c> or <c>[::1]:8000</c>; unset, Django listens on 127.0.0.1:8000.
/// </summary>
internal sealed partial class DjangoDevServerBackend : DjangoManageBackend<DjangoDevServerArgs>
{
    // Where runserver listens when App gives no address, or only a port.
    private const string DefaultHost = "127.0.0.1";
    private const int DefaultPort = 8000;

    /// <inheritdoc />
    public override string Name => "DjangoDevServer";

    /// <inheritdoc />
    public override string Command => "runserver";

    /// <inheritdoc />
    public override string InstallHint => "apt-get install python3-django (Debian/Ubuntu) or pip install django";

    // RUN_MAIN=true tells Django's autoreloader "you are the reloaded child": inherited (say, from a dev server that started
    // this host), runserver would skip the reloader and behave differently from what NoReload says.
    /// <inheritdoc />
    public override IReadOnlyList<string> ScrubbedEnvironment => ["RUN_MAIN"];

    // SIGINT is Ctrl+C, the stop runserver is written for: it exits 0, and with the autoreloader the parent's KeyboardInterrupt
    // kills its serving child. (SIGTERM without the reloader ends it with exit code 143.)
    /// <inheritdoc />
    public override int StopSignal => 2;

    /// <inheritdoc />
    /// <remarks>
    /// The address in <c>App</c> as runserver reads it: a port alone on 127.0.0.1, <c>ADDRESS:PORT</c>, or 127.0.0.1:8000 when
    /// unset; so the process is ready when that port answers (not merely when it has run a second), and a port already
    /// taken fails the start at once, naming its holder, as for the production servers.
    /// </remarks>
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process)
    {
        var app = process?.App?.Trim();
        if (string.IsNullOrEmpty(app))
        {
            return [new ListenEndpoint(DefaultHost, DefaultPort)];
        }

        if (ValidateApp(app) is not null)
        {
            return [];
        }

        return int.TryParse(app, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? [new ListenEndpoint(DefaultHost, port)]
            : ListenEndpoint.Parse(app, DefaultHost, DefaultPort) is { } endpoint ? [endpoint] : [];
    }

    /// <inheritdoc />
    private protected override void CheckArgs(DjangoDevServerArgs args, ArgsProblems found) => DjangoDevServerArgsRules.Check(args, found);

    /// <inheritdoc />
    protected override string? ValidateApp(string app)
    {
        var match = AddrPort().Match(app);
        return match.Success && int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? null
            : $"App '{app}' must be the address runserver listens on: a port (8000), ADDRESS:PORT (127.0.0.1:8000) or [IPv6]:PORT ([::1]:8000), with a port from 1 to 65535.";
    }

    // Django's own naiveip_re: an IPv4 address, a bracketed IPv6 address or a host name, then a port; or a port alone.
    [GeneratedRegex(@"^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.\-]*):)?(?<port>\d{1,5})\z")]
    private static partial Regex AddrPort();
}
