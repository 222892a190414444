using System;
using System.IO;
using System.Linq;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ProdServer.Config.Tests;

/// <summary>
/// Issue 13: nothing a configuration says can add a line, a setting or a command to an exported file. Each value is
/// escaped for its format or refused with one line naming the process and the setting.
/// </summary>
public sealed class ExportInjectionSpecs
{
    private static ProcessDefinition Web(string name = "web", int port = 8000) =>
        new(name, ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "0.0.0.0", Port = port } };

    private static Deployment Shop(params ProcessDefinition[] processes) => new("shop", ["/srv/shop/shop"], "/srv/shop", processes) { Image = "shop:1.0" };

    public static TheoryData<ExportTarget> EveryTarget => new(Enum.GetValues<ExportTarget>());

    private static ExportRefusedException Refusal(ExportTarget target, Deployment deployment)
    {
        var refusal = Assert.Throws<ExportRefusedException>(() => Exporter.Export(target, deployment));
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.DoesNotContain('\r', refusal.Message);
        return refusal;
    }

    [Theory]
    [MemberData(nameof(EveryTarget))]
    public void A_process_name_with_a_newline_is_refused_by_every_target_and_writes_no_command(ExportTarget target)
    {
        // The review's supervisord finding: this name wrote a command= line that supervisord ran.
        var refusal = Refusal(target, Shop(Web("x\ncommand=/usr/bin/touch PWNED\n#")));

        Assert.StartsWith("process 'x\\ncommand=/usr/bin/touch PWNED\\n#': its name ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("a newline", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryTarget))]
    public void A_value_with_a_bidirectional_control_is_refused_by_every_target_rather_than_written_to_display_reordered(ExportTarget target)
    {
        // Written as it is, U+202E would display the rest of its line reversed to whoever reviews the file.
        var deployment = Shop(Web()) with { EnvironmentName = "Prod\u202Enoitcudorp" };

        var refusal = Refusal(target, deployment);

        Assert.Equal(@"the export: --environment 'Prod\u202enoitcudorp' holds the bidirectional control U+202E, which would make the exported line display in another order than it is read.", refusal.Message);
    }

    [Theory]
    [InlineData("-x")]
    [InlineData("--help")]
    [InlineData("export")]
    [InlineData("@args")]
    public void A_name_the_app_would_read_as_an_option_or_a_command_is_refused_rather_than_exported_as_a_usage_error(string name)
    {
        foreach (var target in Enum.GetValues<ExportTarget>())
        {
            var refusal = Refusal(target, Shop(Web(name)));

            Assert.Contains($"process '{name}': its name would be read as an option or a command", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Systemd_doubles_percent_signs_so_no_specifier_is_expanded()
    {
        var web = Web("a%n");
        web.App = "mysite.wsgi:%h";

        var service = Exporter.Export(ExportTarget.Systemd, Shop(web) with { Command = ["/srv/100%/shop"], EnvironmentName = "Pro%iduction" })[0].Content;

        Assert.Contains("ExecStart=\"/srv/100%%/shop\" \"a%%n\"\n", service, StringComparison.Ordinal);
        Assert.Contains("Description=shop a%%n (Waitress, mysite.wsgi:%%h)\n", service, StringComparison.Ordinal);
        Assert.Contains("Environment=\"DOTNET_ENVIRONMENT=Pro%%iduction\"\n", service, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?<!%)%[a-zA-Z]", service.Replace("%%", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Systemd_command_words_are_quoted_and_dollar_signs_doubled_so_systemd_splits_and_substitutes_nothing()
    {
        var service = Exporter.Export(ExportTarget.Systemd, Shop(Web("we b")) with { Command = ["/srv/my app/$HOME\"\\;/shop"] })[0].Content;

        Assert.Contains("ExecStart=\"/srv/my app/$$HOME\\\"\\\\;/shop\" \"we b\"\n", service, StringComparison.Ordinal);
    }

    [Fact]
    public void Supervisord_escapes_every_word_so_no_inline_comment_percent_expansion_or_split_changes_the_command()
    {
        var conf = Exporter.Export(ExportTarget.Supervisord, Shop(Web("w;e#b 100%")) with { Command = ["/srv/my app/shop"] }).Single().Content;

        Assert.Contains("command=/srv/my' 'app/shop w\\;e\\#b' '100%%\n", conf, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\s[;#]", conf.Split('\n').Single(l => l.StartsWith("command=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/srv/a ;b")]
    [InlineData("/srv/a #b")]
    [InlineData("/srv/a ")]
    public void Supervisord_refuses_a_directory_its_ini_would_cut_or_strip(string directory)
    {
        var refusal = Refusal(ExportTarget.Supervisord, Shop(Web()) with { WorkingDirectory = directory });

        Assert.Contains("the working directory (content root)", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pro\"d")]
    [InlineData("'Prod'")]
    [InlineData("Prod ;x")]
    public void Supervisord_refuses_an_environment_name_its_environment_line_cannot_carry(string environment) =>
        Assert.Contains("--environment", Refusal(ExportTarget.Supervisord, Shop(Web()) with { EnvironmentName = environment }).Message, StringComparison.Ordinal);

    [Fact]
    public void Compose_doubles_dollar_signs_so_no_variable_is_interpolated_and_sanitizes_service_names()
    {
        var web = Web("Web $HOME");
        web.Readiness.Path = "/health?$x";

        var yaml = Exporter.Export(ExportTarget.Compose, Shop(web) with { EnvironmentName = "${SECRET}" }).Single().Content;
        var services = Services(yaml);

        var service = (YamlMappingNode)services.Children[new YamlScalarNode("web--home")];
        Assert.Equal("Web $$HOME", ((YamlScalarNode)((YamlSequenceNode)service.Children[new YamlScalarNode("command")]).Children[0]).Value);
        Assert.Equal("$${SECRET}", ((YamlScalarNode)((YamlMappingNode)service.Children[new YamlScalarNode("environment")]).Children[new YamlScalarNode("DOTNET_ENVIRONMENT")]).Value);
        Assert.Contains("/health?$$x", ((YamlSequenceNode)((YamlMappingNode)service.Children[new YamlScalarNode("healthcheck")]).Children[new YamlScalarNode("test")]).Children.Select(c => ((YamlScalarNode)c).Value));
    }

    [Fact]
    public void A_hostile_readiness_path_reaches_the_compose_health_check_as_an_argument_never_as_python_source()
    {
        var web = Web();
        web.Readiness.Path = "/x', timeout=2); __import__('os').system('touch /tmp/PWNED'); ('";

        var test = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Services(Exporter.Export(ExportTarget.Compose, Shop(web)).Single().Content)
            .Children[new YamlScalarNode("web")]).Children[new YamlScalarNode("healthcheck")]).Children[new YamlScalarNode("test")]).Children
            .Select(c => ((YamlScalarNode)c).Value!).ToArray();

        Assert.DoesNotContain("PWNED", test[3], StringComparison.Ordinal); // the script is a constant
        Assert.Equal(web.Readiness.Path, test[6]);
    }

    [Theory]
    [InlineData("@evil.example/")]
    [InlineData("health")]
    public void A_readiness_path_that_would_change_the_health_checks_host_is_refused(string path)
    {
        var web = Web();
        web.Readiness.Path = path;

        Assert.StartsWith("process 'web': Readiness:Path ", Refusal(ExportTarget.Compose, Shop(web)).Message, StringComparison.Ordinal);
        Assert.StartsWith("process 'web': Readiness:Path ", Refusal(ExportTarget.Kubernetes, Shop(web)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_doubles_dollar_signs_in_args_and_env_so_no_variable_reference_is_expanded()
    {
        var manifest = Exporter.Export(ExportTarget.Kubernetes, Shop(Web("web$(HOSTNAME)")) with { EnvironmentName = "$(SECRET)" }).Single().Content;
        var container = KubernetesObjects.Read(manifest).OfType<k8s.Models.V1Deployment>().Single().Spec.Template.Spec.Containers[0];

        Assert.Equal(["web$$(HOSTNAME)"], container.Args);
        Assert.Equal("$$(SECRET)", container.Env.Single().Value);
    }

    [Theory]
    [InlineData(ExportTarget.Systemd, "web.1", "web-1", "systemd unit 'shop-web-1'")]
    [InlineData(ExportTarget.Supervisord, "web.1", "web-1", "supervisord program 'shop-web-1'")]
    [InlineData(ExportTarget.Compose, "Web", "web", "Compose service 'web'")]
    [InlineData(ExportTarget.Procfile, "web.1", "web_1", "")]
    [InlineData(ExportTarget.Kubernetes, "web_1", "web-1", "Kubernetes object name 'shop-web-1'")]
    public void Two_processes_that_map_to_one_file_unit_or_service_are_refused_naming_both(ExportTarget target, string first, string second, string what)
    {
        if (target == ExportTarget.Procfile)
        {
            // Procfile names keep '_': these two differ there, and both are written.
            Assert.Equal(2, Exporter.Export(target, Shop(Web(first), Web(second, 8001))).Single().Content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            return;
        }

        var refusal = Refusal(target, Shop(Web(first), Web(second, 8001)));

        Assert.Equal($"process '{first}' and process '{second}' both become the {what}: rename one of them.", refusal.Message);
    }

    [Fact]
    public void Procfile_refuses_web_1_and_web_dot_1_which_foreman_would_read_as_one_name()
    {
        Assert.Equal("process 'web.1' and process 'web-1' both become the Procfile entry 'web-1': rename one of them.", Refusal(ExportTarget.Procfile, Shop(Web("web.1"), Web("web-1", 8001))).Message);
    }

    [Theory]
    [InlineData("x\u001b[31m")]
    [InlineData("x\u2028y")]
    [InlineData("x\0")]
    public void Control_characters_and_line_separators_in_paths_are_refused_with_the_setting_named(string tail)
    {
        Assert.StartsWith("the export: the working directory (content root) ", Refusal(ExportTarget.Systemd, Shop(Web()) with { WorkingDirectory = "/srv/" + tail }).Message, StringComparison.Ordinal);
        Assert.StartsWith("the export: --exec ", Refusal(ExportTarget.Procfile, Shop(Web()) with { Command = ["/srv/" + tail] }).Message, StringComparison.Ordinal);
    }

    private static YamlMappingNode Services(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode).Children[new YamlScalarNode("services")];
    }
}
