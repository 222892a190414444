using System;
using System.Collections.Generic;
using System.Linq;
using ProdServer.Config.Analyzers;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Each constraint in exactly one place (issue 16): an error the server would fail on is refused by a validator at
/// start-up, which asks the catalogue rule's condition (so the build-time diagnostic and the start-up failure cannot
/// disagree), and the start-up rules check does not report it a second time.
/// </summary>
public sealed class ConstraintOwnershipSpecs
{
    [Fact]
    public void The_rules_enforced_by_a_validator_are_the_five_server_errors_and_the_cross_process_beat_check_each_naming_a_real_type()
    {
        var enforced = RuleRegistry.All.Where(r => r.EnforcedAtStartBy is not null).ToList();

        Assert.Equal(["PSC0004", "PSC0103", "PSC0112", "PSC0202", "PSC0502", "PSC0504"], enforced.Select(r => r.Id));
        Assert.All(enforced.Where(r => r.Id != "PSC0502"), r => Assert.Equal(RuleSeverity.Error, r.DefaultSeverity));
        Assert.All(enforced, r => Assert.NotNull(typeof(ServerBackends).Assembly.GetType("ProdServer.Config." + r.EnforcedAtStartBy)));
    }

    [Theory]
    [InlineData(false, false, false, false)]
    [InlineData(true, false, true, false)]
    [InlineData(false, true, true, false)]
    [InlineData(true, true, true, false)]
    [InlineData(false, false, true, true)]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, false, true)]
    [InlineData(true, true, true, true)]
    [InlineData(false, false, true, false)]
    [InlineData(true, true, false, false)]
    public void Waitress_refuses_a_bind_combination_exactly_when_PSC0004_reports_it(bool host, bool port, bool listen, bool unixSocket)
    {
        var args = new WaitressArgs
        {
            Host = host ? "127.0.0.1" : null,
            Port = port ? 8000 : null,
            Listen = listen ? ["127.0.0.1:8001"] : null,
            UnixSocket = unixSocket ? "/run/web.sock" : null,
        };

        var refused = Checked(args, WaitressArgsRules.Check).Any(e => e.Key is "Listen" or "UnixSocket");
        var reported = RuleRegistry.Run(RuleBackends.Waitress, ServerArgsSettings.Read(args), new RuleContext()).Any(f => f.Rule.Id == "PSC0004");

        Assert.Equal(reported, refused);
    }

    [Theory]
    [InlineData(null, null, null, null, false)]
    [InlineData("/run/web.sock", null, null, null, false)]
    [InlineData("/run/web.sock", 8000, null, null, true)]
    [InlineData(null, 8000, 3, null, true)]
    [InlineData(null, null, null, 4, false)]
    [InlineData(null, 8000, null, 4, false)]
    public void Uvicorn_refuses_an_exclusive_pair_exactly_when_PSC0112_reports_it(string? uds, int? port, int? fd, int? workers, bool expected)
    {
        foreach (var reload in new bool?[] { null, false, true })
        {
            var args = new UvicornArgs { Uds = uds, Port = port, Fd = fd, Workers = workers, Reload = reload };
            var pair = expected || (workers is not null && reload == true);

            var refused = Checked(args, UvicornArgsRules.Check).Any(e => e.Message.Contains("cannot be combined", StringComparison.Ordinal));
            var reported = RuleRegistry.Run(RuleBackends.Uvicorn, ServerArgsSettings.Read(args), new RuleContext()).Any(f => f.Rule.Id == "PSC0112");

            Assert.Equal(pair, refused);
            Assert.Equal(pair, reported);
        }
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Gunicorn_refuses_daemon_exactly_when_PSC0202_reports_it(bool? daemon, bool expected)
    {
        var args = new GunicornArgs { Daemon = daemon };

        var refused = Checked(args, GunicornArgsRules.Check).Any(e => e.Key == "Daemon");
        var reported = RuleRegistry.Run(RuleBackends.Gunicorn, ServerArgsSettings.Read(args), new RuleContext()).Any(f => f.Rule.Id == "PSC0202");

        Assert.Equal(expected, refused);
        Assert.Equal(expected, reported);
    }

    [Theory]
    [InlineData("0.0.0.0", null, true)]
    [InlineData("10.0.0.5", null, true)]
    [InlineData("127.0.0.1", null, false)]
    [InlineData("localhost", null, false)]
    [InlineData("::1", null, false)]
    [InlineData("0.0.0.0", "admin:secret", false)]
    public void Flower_refuses_serving_everyone_unauthenticated_exactly_when_PSC0504_reports_it(string address, string? basicAuth, bool expected)
    {
        var args = new CeleryFlowerArgs { Address = address, BasicAuth = basicAuth is null ? null : [basicAuth] };

        var refused = Checked(args, CeleryFlowerArgsRules.Check).Any(e => e.Message.Contains("without authentication", StringComparison.Ordinal));
        var reported = RuleRegistry.Run(RuleBackends.CeleryFlower, ServerArgsSettings.Read(args), new RuleContext()).Any(f => f.Rule.Id == "PSC0504");

        Assert.Equal(expected, refused);
        Assert.Equal(expected, reported);
    }

    // Every backend whose app the rules judge, on targets of every form (gunicorn's module alone and factory calls,
    // granian's .py files, non-ASCII identifiers, hostile characters): the backend's start-up check refuses a target
    // exactly when PSC0103 reports it, so a build never fails on a target the server imports, nor passes one it refuses.
    public static TheoryData<string> WebBackends => [.. RuleBackends.All.Where(b => b.AppInterface is not null).Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(WebBackends))]
    public void Each_backends_start_up_app_check_and_PSC0103_accept_the_same_targets(string backendName)
    {
        var rules = RuleBackends.Find(backendName)!;
        var backend = ServerBackends.Find(backendName)!;
        string[] targets =
        [
            "mysite.wsgi:application", "mysite.asgi:application", "mysite.wsgi", "app:create_app()", "app:create_app(debug=False)",
            "mysite/asgi.py:application", "mysite/asgi.py", "app.py", "mysite.wsgi:", ":application", "a:b:c", "my-site.wsgi:app",
            "café.wsgi:application", "mysite.wsgi:app\u202eeulav", "mysite wsgi:application", "app:create_app(\n)", "_x.y:z.w",
        ];

        foreach (var app in targets)
        {
            var refusedAtStart = backend.Validate(new ProcessDefinition("web", backend) { App = app }).Any(p => p.Key == "App");
            var reportedAtBuild = AppTargets.Evaluate(app, rules.Name, rules.AppInterface, rules.AppTargetForm).Any(f => f.Rule.Id == "PSC0103");
            Assert.True(refusedAtStart == reportedAtBuild, $"{backendName}, '{app}': refused at start {refusedAtStart}, PSC0103 {reportedAtBuild}");
        }
    }

    private static IReadOnlyList<SettingProblem> Checked<TArgs>(TArgs args, Action<TArgs, ArgsProblems> check)
        where TArgs : IServerArgs
    {
        var found = new ArgsProblems(args);
        check(args, found);
        return found.Found;
    }
}
