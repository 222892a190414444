using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>Granian's Python API keywords and gunicorn's settings-file names as Args keys, and hints that point the right way.</summary>
public sealed class ServerAliasSpecs
{
    // Every keyword of granian.server.common.AbstractServer.__init__ (granian 2.8) that a command-line flag can express.
    public static readonly TheoryData<string> GranianKeywords = new(
        "address", "port", "uds", "uds_permissions", "workers", "blocking_threads", "blocking_threads_idle_timeout", "runtime_threads",
        "runtime_blocking_threads", "runtime_mode", "loop", "task_impl", "http", "websockets", "backlog", "backpressure", "log_enabled",
        "log_level", "log_access", "log_access_format", "ssl_cert", "ssl_key", "ssl_key_password", "ssl_protocol_min", "ssl_ca", "ssl_crl",
        "ssl_client_verify", "url_path_prefix", "respawn_failed_workers", "respawn_interval", "rss_sample_interval", "rss_samples",
        "workers_lifetime", "workers_max_rss", "workers_kill_timeout", "factory", "working_dir", "env_files", "static_path_route",
        "static_path_mount", "static_path_dir_to_file", "static_path_expires", "metrics_enabled", "metrics_scrape_interval",
        "metrics_address", "metrics_port", "reload", "reload_paths", "reload_ignore_dirs", "reload_ignore_patterns", "reload_ignore_paths",
        "reload_tick", "reload_ignore_worker_failure", "process_name", "pid_file", "threads");

    // Every gunicorn Setting 'name' (gunicorn/config.py, 26.1) that has a command-line flag.
    public static readonly TheoryData<string> GunicornSettingNames = new(
        "config", "bind", "backlog", "workers", "worker_class", "threads", "worker_connections", "max_requests", "max_requests_jitter",
        "timeout", "graceful_timeout", "keepalive", "limit_request_line", "limit_request_fields", "limit_request_field_size", "reload",
        "reload_engine", "reload_extra_files", "spew", "check_config", "print_config", "preload_app", "sendfile", "reuse_port", "chdir",
        "daemon", "raw_env", "pidfile", "worker_tmp_dir", "user", "group", "umask", "initgroups", "forwarded_allow_ips", "accesslog",
        "disable_redirect_access_to_syslog", "access_log_format", "errorlog", "loglevel", "capture_output", "logger_class", "logconfig",
        "logconfig_json", "syslog_addr", "syslog", "syslog_prefix", "syslog_facility", "enable_stdio_inheritance", "statsd_host",
        "dogstatsd_tags", "statsd_prefix", "enable_backlog_metric", "proc_name", "pythonpath", "paste", "proxy_protocol",
        "proxy_allow_ips", "protocol", "uwsgi_allow_ips", "keyfile", "certfile", "ssl_version", "cert_reqs", "ca_certs",
        "suppress_ragged_eofs", "do_handshake_on_connect", "ciphers", "http_protocols", "http2_max_concurrent_streams",
        "http2_initial_window_size", "http2_max_frame_size", "http2_max_header_list_size", "raw_paste_global_conf",
        "permit_obsolete_folding", "strip_header_spaces", "permit_unconventional_http_method", "permit_unconventional_http_version",
        "casefold_http_method", "forwarder_headers", "header_map", "asgi_loop", "asgi_lifespan", "asgi_disconnect_grace_period",
        "http_parser", "root_path", "dirty_apps", "dirty_workers", "dirty_timeout", "dirty_threads", "dirty_graceful_timeout",
        "control_socket", "control_socket_mode", "control_socket_disable");

    [Theory]
    [MemberData(nameof(GranianKeywords))]
    public void Every_Granian_API_keyword_is_an_Args_key_in_both_spellings(string keyword)
    {
        foreach (var key in new[] { keyword, keyword.Replace('_', '-') })
        {
            var errors = Bind("Granian", key, "1");

            Assert.DoesNotContain(errors, e => e.Contains("is not an option", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(GunicornSettingNames))]
    public void Every_gunicorn_settings_file_name_is_an_Args_key(string setting)
    {
        var errors = Bind("Gunicorn", setting, "1");

        Assert.DoesNotContain(errors, e => e.Contains("is not an option", StringComparison.Ordinal));
    }

    [Fact]
    public void Granian_keywords_set_the_matching_flags()
    {
        var options = Options(("Backend", "Granian"), ("App", "a.asgi:app"), ("Args:address", "0.0.0.0"), ("Args:ssl-cert", "c.pem"),
            ("Args:ssl_key", "k.pem"), ("Args:log_access", "True"), ("Args:websockets", "false"), ("Args:threads", "1"));

        Assert.Empty(options.BindingErrors);
        var args = Assert.IsType<GranianArgs>(options.Find("p1")!.Args);
        Assert.Equal("0.0.0.0", args.Host);
        Assert.Equal("c.pem", args.SslCertificate);
        Assert.Equal("k.pem", args.SslKeyfile);
        Assert.True(args.AccessLog);
        Assert.False(args.WebSockets);
        Assert.Equal(1, args.BlockingThreads);
    }

    [Fact]
    public void Gunicorn_settings_file_names_set_the_matching_flags()
    {
        var options = Options(("Backend", "Gunicorn"), ("App", "a.wsgi"), ("Args:accesslog", "-"), ("Args:errorlog", "-"), ("Args:loglevel", "info"),
            ("Args:proc_name", "web"), ("Args:preload_app", "true"));

        Assert.Empty(options.BindingErrors);
        var argv = new List<string>();
        options.Find("p1")!.Args.AppendArguments(argv);
        Assert.Equal(["--preload", "--access-logfile=-", "--error-logfile=-", "--log-level=info", "--name=web"], argv);
    }

    [Fact]
    public void An_alias_and_the_flag_together_are_an_error()
    {
        var options = Options(("Backend", "Gunicorn"), ("App", "a.wsgi"), ("Args:accesslog", "-"), ("Args:access-logfile", "x.log"));

        Assert.Contains(options.BindingErrors, e => e.Contains("both set AccessLogfile", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Granian", "asgi", true)]
    [InlineData("GranianWsgi", "wsgi", true)]
    [InlineData("Granian", "wsgi", false)]
    [InlineData("GranianWsgi", "rsgi", false)]
    public void Granian_interface_keyword_must_match_the_backend(string backend, string value, bool accepted)
    {
        var errors = Bind(backend, "interface", value);

        if (accepted)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Contains("the Backend chooses the interface", error, StringComparison.Ordinal);
        }
    }

    // uvicorn takes --interface, which django-prodserver passes through: it was "not an option" with an ExtraArgs hint that
    // refuses --interface too. The Backend chooses it; a value that agrees is taken, another names the Backend to use.
    [Theory]
    [InlineData("Uvicorn", "asgi3", null)]
    [InlineData("Uvicorn", "auto", null)]
    [InlineData("UvicornWsgi", "wsgi", null)]
    [InlineData("Uvicorn", "wsgi", "use \"Backend\": \"UvicornWsgi\", without interface")]
    [InlineData("Uvicorn", "asgi2", "lets uvicorn tell ASGI 3 from ASGI 2")]
    [InlineData("UvicornWsgi", "asgi3", "use \"Backend\": \"Uvicorn\", without interface")]
    public void Uvicorn_interface_is_taken_when_it_agrees_with_the_backend_and_otherwise_names_the_backend_to_use(string backend, string value, string? hint)
    {
        var errors = Bind(backend, "interface", value);

        if (hint is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Contains($"chooses the interface: {(hint.StartsWith("use", StringComparison.Ordinal) ? "" : "use ")}", error, StringComparison.Ordinal);
            Assert.Contains(hint, error, StringComparison.Ordinal);
            Assert.DoesNotContain("ExtraArgs", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("DjangoTasks", "queues", "queue-name")]
    [InlineData("DjangoQ", "cluster-name", "key for the cluster name is Name")]
    [InlineData("Granian", "http1_settings", "http1-* keys")]
    [InlineData("Gunicorn", "logconfig_dict", "only a gunicorn.conf.py can hold")]
    public void A_key_django_prodserver_users_bring_gets_the_right_key_as_its_hint(string backend, string key, string hint)
    {
        var error = Assert.Single(Bind(backend, key, "x"));

        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_name_configuration_backends_not_CSharp_methods()
    {
        var options = Options(("Backend", "Granian"), ("App", "a.asgi:app"), ("Args:blocking_threads", "4"));
        var problems = options.Find("p1")!.Backend.Validate(options.Find("p1")!);

        Assert.Contains(problems, p => p.Message.Contains("Backend GranianWsgi", StringComparison.Ordinal) && !p.Message.Contains("UseGranianWsgi", StringComparison.Ordinal));
    }

    private static List<string> Bind(string backend, string key, string value) =>
        Options(("Backend", backend), ("App", "a:b"), ("Args:" + key, value)).BindingErrors.ToList();

    private static ProdServerOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("ProdServer:Processes:p1:" + s.Key, s.Value)))
            .Build();
        var options = new ProdServerOptions();
        ProdServerConfigurationBinder.Bind(configuration.GetSection("ProdServer"), options);
        return options;
    }
}
