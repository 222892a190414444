using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Other names a server's own users know for its flags, accepted as <c>Args</c> keys: Granian's Python API keywords
/// (django-prodserver drives Granian through <c>Granian(...)</c>, so its ARGS use them) and gunicorn's settings-file names
/// (what <c>gunicorn.conf.py</c> users write). Only names that differ from the flag are listed: the flag with <c>_</c> for
/// <c>-</c> is accepted anyway. Each alias is accepted in both spellings (<c>log_access</c>, <c>log-access</c>).
/// </summary>
internal static class ArgAliases
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    // granian/server/common.py, Server.__init__ keyword → granian CLI flag (granian 2.x). The keywords that are the flag
    // already (workers, blocking_threads, backlog, ...) need no entry; target and interface come from App and Backend, and
    // http1_settings, http2_settings, log_dictconfig and reload_filter are Python objects (see ForeignOptionHint).
    private static readonly IReadOnlyDictionary<string, string> Granian = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["address"] = "host",
        ["websockets"] = "ws",
        ["log_enabled"] = "log",
        ["log_access"] = "access-log",
        ["log_access_format"] = "access-log-fmt",
        ["ssl_cert"] = "ssl-certificate",
        ["ssl_key"] = "ssl-keyfile",
        ["ssl_key_password"] = "ssl-keyfile-password",
        ["metrics_enabled"] = "metrics",
        ["threads"] = "blocking-threads", // django-prodserver's own alias (backends/granian.py maps threads to blocking_threads)
    };

    // gunicorn/config.py: each Setting's name → its first long CLI flag, where they differ (gunicorn 20.1 to 26.1).
    private static readonly IReadOnlyDictionary<string, string> Gunicorn = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["keepalive"] = "keep-alive",
        ["reload_extra_files"] = "reload-extra-file",
        ["preload_app"] = "preload",
        ["raw_env"] = "env",
        ["pidfile"] = "pid",
        ["accesslog"] = "access-logfile",
        ["access_log_format"] = "access-logformat",
        ["errorlog"] = "error-logfile",
        ["log-file"] = "error-logfile", // the second CLI spelling of errorlog
        ["loglevel"] = "log-level",
        ["logconfig"] = "log-config",
        ["logconfig_json"] = "log-config-json",
        ["syslog_addr"] = "log-syslog-to",
        ["syslog"] = "log-syslog",
        ["syslog_prefix"] = "log-syslog-prefix",
        ["syslog_facility"] = "log-syslog-facility",
        ["proc_name"] = "name",
        ["proxy_allow_ips"] = "proxy-allow-from",
        ["uwsgi_allow_ips"] = "uwsgi-allow-from",
        ["raw_paste_global_conf"] = "paste-global",
        ["dirty_apps"] = "dirty-app",
        ["control_socket_disable"] = "no-control-socket",
    };

    /// <summary>The aliases (alias → flag name) a process served by <paramref name="backend"/> accepts.</summary>
    /// <param name="backend">The process's backend.</param>
    /// <returns>The aliases; empty for servers whose users write the flags themselves.</returns>
    public static IReadOnlyDictionary<string, string> For(ServerBackend backend) => backend.CreateDefaultArgs() switch
    {
        GranianArgs => Granian,
        GunicornArgs => Gunicorn,
        _ => None,
    };
}
