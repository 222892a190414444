using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <see cref="SettingRules"/> is what the appsettings analyzer checks at build time (PSC0114, PSC0115): every value rule it
/// holds must be one the binder applies at that path, in the same words, and every value it accepts must bind. A rule the
/// binder does not apply would fail a build that starts; a value the rule accepts and the binder refuses, a start that built.
/// </summary>
public sealed class SettingRulesSpecs
{
    // One accepted value per rule path; the test below fails when a path is added to SettingRules without one here.
    private static readonly Dictionary<string, string> Accepted = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OnGiveUp"] = "KeepOthers",
        ["Logs:Overflow"] = "drop",
        ["Logs:BufferBytes"] = "65536",
        ["Control:Enabled"] = "True",
        ["Control:TailLines"] = "10000",
        ["Processes:*:Restart"] = "on-failure",
        ["Processes:*:StopTimeout"] = "00:00:10",
        ["Processes:*:StartSeconds"] = "1.5",
        ["Processes:*:RestartDelay"] = "0",
        ["Processes:*:RestartMaxDelay"] = "30",
        ["Processes:*:StartRetries"] = "0",
        ["Processes:*:Replicas"] = "2",
        ["Processes:*:Readiness:Status"] = "204",
        ["Processes:*:Readiness:Timeout"] = "00:01:00",
    };

    public static TheoryData<string> RulePaths => [.. SettingRules.ByPath.Keys];

    [Fact]
    public void Every_rule_path_has_an_accepted_value_here() =>
        Assert.Equal(SettingRules.ByPath.Keys.Order(StringComparer.Ordinal), Accepted.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void The_named_choices_are_the_enums_the_binder_parses_into()
    {
        Assert.Equal(Enum.GetNames<RestartPolicy>(), SettingRules.Restart.Choices);
        Assert.Equal(Enum.GetNames<GiveUpPolicy>(), SettingRules.OnGiveUp.Choices);
        Assert.Equal(Enum.GetNames<LogOverflow>(), SettingRules.Overflow.Choices);
    }

    [Theory]
    [MemberData(nameof(RulePaths))]
    public void A_value_the_rule_refuses_is_refused_by_the_binder_in_the_rules_words(string rulePath)
    {
        var rule = SettingRules.ByPath[rulePath];
        Assert.False(rule.Accepts("bogus"));

        var errors = Bind(rulePath, "bogus");

        var error = Assert.Single(errors);
        Assert.Contains($"'bogus' ({Path(rulePath)}) must be {rule.MustBe}.", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RulePaths))]
    public void A_value_the_rule_accepts_binds(string rulePath)
    {
        Assert.True(SettingRules.ByPath[rulePath].Accepts(Accepted[rulePath]));

        Assert.Empty(Bind(rulePath, Accepted[rulePath]));
    }

    [Theory]
    [InlineData("Processes:*:Restart", "1")]
    [InlineData("Processes:*:Restart", "-1")]
    [InlineData("Processes:*:Restart", "Never,Always")]
    [InlineData("Processes:*:StopTimeout", "-1")]
    [InlineData("Processes:*:StopTimeout", "1e308")]
    [InlineData("Processes:*:StartRetries", "1.5")]
    [InlineData("Processes:*:Replicas", "0")]
    [InlineData("Logs:BufferBytes", "+65536")]
    [InlineData("Logs:BufferBytes", "1024")]
    [InlineData("Control:TailLines", "0")]
    [InlineData("Control:Enabled", "yes")]
    public void Edge_values_are_refused_by_both(string rulePath, string value)
    {
        Assert.False(SettingRules.ByPath[rulePath].Accepts(value));
        Assert.Single(Bind(rulePath, value));
    }

    // SupervisionLimits reads Kubernetes quantities by hand (the analyzers compile it too, where no generated regex is):
    // it must accept exactly what the validator's regex did.
    [Fact]
    public void A_quantity_is_read_as_the_regex_start_up_used_reads_it()
    {
        var regex = new System.Text.RegularExpressions.Regex(@"^(?=.*[1-9])[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?\z");
        Gen.Char["0123456789.mkMGTPEi- x"].Array[0, 7].Select(chars => new string(chars))
            .Sample(text => Assert.Equal(regex.IsMatch(text), SupervisionLimits.Cpu(text) is null), iter: 20_000);
        Assert.Null(SupervisionLimits.Memory("256Mi"));
        Assert.Null(SupervisionLimits.Cpu("0.5"));
        Assert.NotNull(SupervisionLimits.Cpu("0"));
    }

    private static string Path(string rulePath) => "ProdServer:" + rulePath.Replace("*", "web", StringComparison.Ordinal);

    private static List<string> Bind(string rulePath, string value)
    {
        var settings = new Dictionary<string, string?> { [Path(rulePath)] = value };
        if (rulePath.StartsWith("Processes:", StringComparison.Ordinal))
        {
            settings["ProdServer:Processes:web:Backend"] = "Waitress";
            settings["ProdServer:Processes:web:App"] = "a:b";
        }

        var options = new ProdServerOptions();
        ProdServerConfigurationBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("ProdServer"), options);
        return [.. options.BindingErrors];
    }
}
