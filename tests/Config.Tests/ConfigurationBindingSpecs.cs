using Microsoft.Extensions.DependencyInjection;
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The <c>ProdServer</c> configuration section (appsettings.json, environment variables, command line) on top of code.</summary>
public sealed class ConfigurationBindingSpecs
{
    private const string App = "mysite.wsgi:application";

    private static void Web(ProdServerBuilder o) => o.UseWaitress(App);

    [Fact]
    public void I_can_declare_a_whole_process_in_appsettings_json()
    {
        var options = Options.FromJson("""
            {
              "ProdServer": {
                "Processes": {
                  "web": {
                    "Backend": "Waitress",
                    "App": "mysite.wsgi:application",
                    "Args": { "Host": "127.0.0.1", "Port": 8000, "Threads": 4, "ExposeTracebacks": false }
                  }
                }
              }
            }
            """);

        var web = Assert.Single(options.Processes);
        Assert.Equal("web", web.Name);
        Assert.Same(ServerBackends.Waitress, web.Backend);
        Assert.Equal(App, web.App);
        Assert.Equal(new WaitressArgs { Host = "127.0.0.1", Port = 8000, Threads = 4, ExposeTracebacks = false }, options.Waitress());
    }

    [Fact]
    public void I_can_set_threads_from_an_environment_variable()
    {
        var prefix = "PSC_TEST_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "ProdServer__Processes__web__Args__Threads", "8");
        try
        {
            var options = Options.Resolve(
                o => o.UseWaitress(App, w => w with { Threads = 4 }),
                c => c.AddEnvironmentVariables(prefix));

            Assert.Equal(8, options.Waitress().Threads);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ProdServer__Processes__web__Args__Threads", null);
        }
    }

    [Fact]
    public void Configuration_overrides_what_code_sets_and_keeps_what_it_does_not_mention()
    {
        var options = Options.Resolve(
            o => o.UseWaitress(App, w => w with { Host = "127.0.0.1", Threads = 4 }),
            new Dictionary<string, string?> { ["ProdServer:Processes:web:Args:Threads"] = "8" });

        var args = options.Waitress();
        Assert.Equal(8, args.Threads);
        Assert.Equal("127.0.0.1", args.Host);
        Assert.Equal(App, options.Find("web")!.App);
    }

    [Fact]
    public void I_can_copy_waitress_option_names_in_kebab_case()
    {
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": { "web": { "Args": {
                "channel-timeout": "60", "expose-tracebacks": "True", "max-request-body-size": "10737418240", "url_scheme": "https"
            } } } } }
            """, Web);

        var args = options.Waitress();
        Assert.Equal(60, args.ChannelTimeout);
        Assert.True(args.ExposeTracebacks);
        Assert.Equal(10737418240L, args.MaxRequestBodySize);
        Assert.Equal("https", args.UrlScheme);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("off", false)]
    [InlineData("yes", true)]
    public void I_can_write_booleans_the_way_python_or_ini_files_do(string text, bool expected)
    {
        var options = Options.Resolve(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Args:Ipv6"] = text });

        Assert.Equal(expected, options.Waitress().Ipv6);
    }

    [Fact]
    public void I_can_give_listen_addresses_as_an_array()
    {
        var options = Options.Resolve(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Args:Listen:0"] = "127.0.0.1:8000",
            ["ProdServer:Processes:web:Args:Listen:1"] = "[::1]:8000",
        });

        Assert.Equal(["127.0.0.1:8000", "[::1]:8000"], options.Waitress().Listen);
    }

    [Fact]
    public void I_can_give_listen_addresses_as_one_space_separated_string_as_waitress_does()
    {
        var options = Options.Resolve(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Args:Listen"] = "127.0.0.1:8000  [::1]:8000",
        });

        Assert.Equal(["127.0.0.1:8000", "[::1]:8000"], options.Waitress().Listen);
    }

    [Fact]
    public void I_can_give_trusted_proxy_headers_in_waitress_spelling()
    {
        var options = Options.Resolve(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Args:TrustedProxy"] = "127.0.0.1",
            ["ProdServer:Processes:web:Args:trusted-proxy-headers"] = "x-forwarded-for x-forwarded-proto",
        });

        Assert.Equal([TrustedProxyHeader.XForwardedFor, TrustedProxyHeader.XForwardedProto], options.Waitress().TrustedProxyHeaders);
    }

    [Fact]
    public void I_can_set_process_settings_from_configuration()
    {
        var options = Options.FromJson("""
            { "ProdServer": { "Processes": { "web": {
                "WorkingDirectory": "/srv/mysite", "Python": "/usr/bin/python3", "Venv": "/srv/venv",
                "PythonPath": [ "src", "lib" ], "Environment": { "DJANGO_SETTINGS_MODULE": "mysite.settings.production" }
            } } } }
            """, Web);

        var web = options.Find("web")!;
        Assert.Equal("/srv/mysite", web.WorkingDirectory);
        Assert.Equal("/usr/bin/python3", web.Python);
        Assert.Equal("/srv/venv", web.Venv);
        Assert.Equal(["src", "lib"], web.PythonPath);
        Assert.Equal("mysite.settings.production", web.Environment["DJANGO_SETTINGS_MODULE"]);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("00:00:05")]
    public void I_can_give_the_stop_timeout_in_seconds_or_as_a_time_span(string text)
    {
        var options = Options.Resolve(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:StopTimeout"] = text });

        Assert.Equal(TimeSpan.FromSeconds(5), options.Find("web")!.StopTimeout);
    }

    [Fact]
    public void I_can_declare_a_second_process_only_in_configuration()
    {
        var options = Options.Resolve(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:admin:Backend"] = "waitress",
            ["ProdServer:Processes:admin:App"] = "mysite.admin_wsgi:application",
            ["ProdServer:Processes:admin:Args:Port"] = "8001",
            ["ProdServer:Default"] = "admin",
        });

        Assert.Equal(["web", "admin"], options.Processes.Select(p => p.Name));
        Assert.Equal(8001, options.Waitress("admin").Port);
        Assert.Equal("admin", options.ResolveDefault()!.Name);
    }

    [Fact]
    public void A_process_declared_only_in_configuration_must_name_its_backend()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:admin:App"] = "mysite.admin_wsgi:application",
        });

        Assert.Contains("Process 'admin'", failure, StringComparison.Ordinal);
        Assert.Contains("Backend is required", failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:admin:Backend", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_backend_is_reported_with_the_known_ones()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Backend"] = "Gunicron" });

        Assert.Contains("Process 'web'", failure, StringComparison.Ordinal);
        Assert.Contains("'Gunicron' is unknown", failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Backend) (did you mean 'Gunicorn'?)", failure, StringComparison.Ordinal);
        Assert.Contains("known backends: Waitress", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_waitress_option_is_reported_instead_of_ignored()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Args:Thread"] = "8" });

        Assert.Contains("Process 'web'", failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Args:Thread is not an option of waitress-serve (did you mean 'Threads'?)", failure, StringComparison.Ordinal);
        Assert.Contains("ExtraArgs", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ProdServer:Processes:web:Venvv", "is not a process setting (did you mean 'Venv'?)")]
    [InlineData("ProdServer:Processes:web:working_directory", "is not a process setting (did you mean 'WorkingDirectory'?)")]
    [InlineData("ProdServer:Processes:web:Args:channel-timeot", "is not an option of waitress-serve (did you mean 'ChannelTimeout'?)")]
    public void A_key_a_typo_away_from_a_known_one_names_it(string key, string expected)
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { [key] = "1" });

        Assert.Contains($"{key} {expected}", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ProdServer:Processes:web:Colour")]
    [InlineData("ProdServer:Processes:web:Args:Frobnicate")]
    public void A_key_far_from_every_known_one_suggests_nothing(string key)
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { [key] = "1" });

        Assert.DoesNotContain("did you mean", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_waitress_option_put_at_process_level_is_reported()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Port"] = "8000" });

        Assert.Contains("Process 'web'", failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Port is not a process setting", failure, StringComparison.Ordinal);
        Assert.Contains("Args", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_prod_server_setting_is_reported()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { ["ProdServer:Process:web:App"] = App });

        Assert.Contains("ProdServer:Process is not a ProdServer setting", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_that_is_not_a_number_is_reported_with_its_key()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Args:Threads"] = "many" });

        Assert.Contains("Process 'web'", failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Args:Threads", failure, StringComparison.Ordinal);
        Assert.Contains("'many' is not a whole number", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_that_is_not_a_boolean_is_reported_with_its_key()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Args:expose-tracebacks"] = "sometimes" });

        Assert.Contains("Process 'web'", failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Args:expose-tracebacks", failure, StringComparison.Ordinal);
        Assert.Contains("'sometimes' is not true or false", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_proxy_header_is_reported_with_the_allowed_ones()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Args:TrustedProxy"] = "127.0.0.1",
            ["ProdServer:Processes:web:Args:TrustedProxyHeaders:0"] = "x-forwarded-for",
            ["ProdServer:Processes:web:Args:TrustedProxyHeaders:1"] = "x-real-ip",
        });

        Assert.Contains("ProdServer:Processes:web:Args:TrustedProxyHeaders:1", failure, StringComparison.Ordinal);
        Assert.Contains("'x-real-ip'", failure, StringComparison.Ordinal);
        Assert.Contains("x-forwarded-proto", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_one_option_under_two_spellings_is_reported()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Args:ChannelTimeout"] = "60",
            ["ProdServer:Processes:web:Args:channel-timeout"] = "90",
        });

        Assert.Contains("Process 'web'", failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:Args", failure, StringComparison.Ordinal);
        Assert.Contains("'ChannelTimeout' and 'channel-timeout' both set ChannelTimeout", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_timeout_that_is_not_a_duration_is_reported()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:StopTimeout"] = "soon" });

        Assert.Contains("Process 'web'", failure, StringComparison.Ordinal);
        Assert.Contains("ProdServer:Processes:web:StopTimeout", failure, StringComparison.Ordinal);
        Assert.Contains("'soon'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_name_in_configuration_matches_the_code_declared_one_ignoring_case()
    {
        // Configuration keys are case-insensitive (.NET merges "web" from JSON and "WEB" from the environment into one key,
        // keeping whichever spelling it met first), and environment variables are often written in capitals.
        var options = Options.Resolve(Web, new Dictionary<string, string?> { ["ProdServer:Processes:WEB:Args:Threads"] = "8" });

        Assert.Equal(8, options.Waitress().Threads);
    }

    [Fact]
    public void Args_given_as_one_string_instead_of_a_section_is_reported()
    {
        var failure = Options.SingleFailure(Web, new Dictionary<string, string?> { ["ProdServer:Processes:web:Args"] = "--threads=8" });

        Assert.StartsWith("Process 'web': ProdServer:Processes:web:Args is the string '--threads=8'", failure, StringComparison.Ordinal);
        Assert.Contains("must be an object of options", failure, StringComparison.Ordinal);
        Assert.Contains("ExtraArgs", failure, StringComparison.Ordinal);
    }
}
