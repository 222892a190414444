using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>How a <see cref="DjangoQArgs"/> process becomes <c>python manage.py qcluster [options]</c>, and what it refuses.</summary>
public sealed class DjangoQTranslationSpecs
{
    private static ProcessDefinition Cluster(DjangoQArgs args) => new("worker", ServerBackends.DjangoQ) { Args = args };

    [Fact]
    public void The_cluster_options_and_django_base_options_are_written_in_declaration_order()
    {
        var argv = ServerBackends.DjangoQ.BuildArguments(Cluster(new DjangoQArgs
        {
            RunOnce = true, Name = "long", Verbosity = DjangoVerbosity.Minimal, Settings = "mysite.settings", PythonPath = "/srv/app",
            Traceback = true, NoColor = true, SkipChecks = true, ExtraArgs = ["--newer=1"],
        }));

        Assert.Equal(
            ["--run-once", "--name=long", "--verbosity=0", "--settings=mysite.settings", "--pythonpath=/srv/app", "--traceback", "--no-color", "--skip-checks", "--newer=1"],
            argv);
    }

    [Fact]
    public void Q_CLUSTER_NAME_is_scrubbed_because_it_silently_sets_the_cluster_name()
    {
        var plan = LaunchPlanner.Plan(Cluster(new DjangoQArgs()), "/", "", requireExecutable: false,
            hostEnvironment: new Dictionary<string, string> { ["Q_CLUSTER_NAME"] = "other", ["Q_CLUSTER"] = "kept" });

        Assert.Equal(["Q_CLUSTER_NAME"], plan.RemovedEnvironment);
        Assert.Equal(TimeSpan.FromSeconds(25), Cluster(new DjangoQArgs()).EffectiveStopTimeout);
    }

    [Fact]
    public void An_app_is_refused_and_a_valid_cluster_passes()
    {
        var failure = Options.SingleFailure(null, new Dictionary<string, string?>
        {
            ["ProdServer:Processes:q:Backend"] = "DjangoQ",
            ["ProdServer:Processes:q:App"] = "mysite",
            ["ProdServer:Processes:q:Args:run-once"] = "true",
        });
        Assert.Equal("Process 'q': App is not used by the DjangoQ backend: manage.py (in WorkingDirectory, or ManagePy) names the Django project, and Args:Settings its settings module. Remove App. (ProdServer:Processes:q:App)", failure);

        var options = Options.Resolve(o => o.UseDjangoQ(q => q with { Verbosity = DjangoVerbosity.Verbose }));
        Assert.Equal("worker", Assert.Single(options.Processes).Name);
    }

    [Fact]
    public void An_empty_cluster_name_and_clashing_colours_are_refused()
    {
        var failures = Options.Failures(o => o.UseDjangoQ(q => q with { Name = "", NoColor = true, ForceColor = true }));

        Assert.Contains(failures, f => f.Contains("Name must not be empty", StringComparison.Ordinal) && f.EndsWith("(ProdServer:Processes:worker:Args:Name)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ForceColor cannot be combined with NoColor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dry_run_of_a_typical_production_cluster_is_stable()
    {
        var output = await DryRunOutput.OfAsync(o => o
            .UseDjangoQ(q => q with { Verbosity = DjangoVerbosity.Normal, Settings = "mysite.settings.production" })
            .Python("/usr/bin/python3")
            .WorkingDirectory("src"), "worker");

        Assert.Equal("""
            # worker (DjangoQ) in {root}/src
            # env PYTHONUNBUFFERED=1
            /usr/bin/python3 {root}/src/manage.py qcluster --verbosity=1 --settings=mysite.settings.production
            """, output);
    }
}
