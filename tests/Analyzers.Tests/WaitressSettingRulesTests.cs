using System.Linq;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// The waitress rules as plain functions over a <see cref="SettingsBag"/>: what the analyzer, the JSON checker and the
/// runtime all run, without Roslyn.
/// </summary>
public sealed class WaitressSettingRulesTests
{
    private static readonly RuleBackend Waitress = RuleBackends.Find("waitress")!;

    private static string[] Ids(SettingsBag settings, RuleContext? context = null) =>
        RuleRegistry.Run(Waitress, settings, context ?? new RuleContext()).Select(f => f.Rule.Id).ToArray();

    private static SettingsBag Bag(params (string Key, object? Value)[] settings)
    {
        var bag = new SettingsBag();
        foreach (var (key, value) in settings)
        {
            bag.Set(key, value);
        }

        return bag;
    }

    [Fact]
    public void Keys_match_in_PascalCase_kebab_case_and_snake_case_and_text_values_are_read_as_configuration_reads_them()
    {
        Assert.Equal(["PSC0001"], Ids(Bag(("expose-tracebacks", "True"))));
        Assert.Equal(["PSC0006"], Ids(Bag(("THREADS", "17"))));
        Assert.Equal(["PSC0007"], Ids(Bag(("connection_limit", 300L), ("backlog", "200"))));
        Assert.Empty(Ids(Bag(("ExposeTracebacks", "false"), ("Threads", "many"))));
    }

    [Fact]
    public void A_setting_known_only_at_run_time_counts_as_set_but_is_never_guessed()
    {
        // Listen with a Host whose value is unknown still conflicts; an unknown Backlog cannot be compared.
        Assert.Equal(["PSC0004"], Ids(Bag(("Listen", new[] { "127.0.0.1:8000" }), ("Host", null))));
        Assert.Empty(Ids(Bag(("ConnectionLimit", 5000L), ("Backlog", null))));
    }

    [Fact]
    public void Development_drops_production_advice_but_keeps_what_waitress_refuses()
    {
        var settings = Bag(("ExposeTracebacks", true), ("Port", 80L), ("Host", "0.0.0.0"), ("Listen", new[] { "0.0.0.0:8000" }), ("SendBytes", 1L));

        Assert.Equal(["PSC0001", "PSC0003", "PSC0004", "PSC0010"], Ids(settings).Order());
        Assert.Equal(["PSC0004", "PSC0010"], Ids(settings, new RuleContext { IsDevelopment = true }).Order());
    }

    [Fact]
    public void The_Windows_rule_needs_a_Windows_target_and_the_thread_limit_is_the_contexts()
    {
        var settings = Bag(("UnixSocket", "/run/web.sock"), ("Threads", 20L));

        Assert.Equal(["PSC0006"], Ids(settings));
        Assert.Equal(["PSC0002"], Ids(settings, new RuleContext { TargetsWindows = true, MaxThreads = 20 }));
    }

    [Fact]
    public void Every_rule_reported_for_waitress_is_registered_for_it_and_points_at_a_setting_it_reads()
    {
        var everything = Bag(
            ("ExposeTracebacks", true), ("UnixSocket", "/s"), ("Host", "h"), ("UnixSocketPerms", "777"), ("Threads", 99L),
            ("ConnectionLimit", 5000L), ("CleanupInterval", 500L), ("SendBytes", 1L), ("TrustedProxy", "*"));
        var findings = RuleRegistry.Run(Waitress, everything, new RuleContext { TargetsWindows = true });
        var findingsWithListen = RuleRegistry.Run(Waitress, Bag(("Listen", new[] { "[::]:80" }), ("UrlScheme", "HTTPS")), new RuleContext());
        var rules = RuleRegistry.For(Waitress);

        Assert.Equal(rules.Select(r => r.Id).Order(), findings.Concat(findingsWithListen).Select(f => f.Rule.Id).Distinct().Order());
        Assert.All(rules, r => Assert.Contains(r, RuleRegistry.All));
        Assert.All(findings, f => Assert.Contains(f.Setting, ((SettingRule)f.Rule).Reads(Waitress)));
    }

    [Theory]
    [InlineData("mysite.wsgi:application", null)]
    [InlineData("mysite.asgi:application", "PSC0104")]
    [InlineData("mysite.wsgi", "PSC0103")]
    [InlineData(":app", "PSC0103")]
    [InlineData("my-site.wsgi:app", "PSC0103")]
    [InlineData("café.wsgi:app", "PSC0103")]
    public void App_targets_are_module_object_and_match_the_servers_interface(string app, string? expected) =>
        Assert.Equal(expected is null ? [] : [expected], AppTargets.Evaluate(app, "Waitress", AppTargets.Wsgi, Waitress.AppTargetForm).Select(f => f.Rule.Id));
}
