using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary><c>DependsOn</c>: in code and configuration, its validation, and the start order it gives.</summary>
public sealed class DependsOnSpecs
{
    private const string App = "mysite.wsgi:application";

    [Fact]
    public void I_can_declare_dependencies_in_code_and_configuration_adds_to_them()
    {
        var options = Options.Resolve(
            o =>
            {
                o.Process("db-proxy").UseWaitress(App, w => w with { Port = 8001 });
                o.Process("cache").UseWaitress(App, w => w with { Port = 8002 });
                o.Process("web").UseWaitress(App, w => w with { Port = 8000 }).DependsOn("db-proxy");
            },
            new Dictionary<string, string?> { ["ProdServer:Processes:web:DependsOn:0"] = "cache" });

        Assert.Equal(["db-proxy", "cache"], options.Find("web")!.DependsOn);
    }

    [Fact]
    public void Processes_start_after_their_dependencies_and_otherwise_in_declaration_order()
    {
        var options = Options.Resolve(o =>
        {
            o.Process("web").UseWaitress(App, w => w with { Port = 8000 }).DependsOn("api");
            o.Process("worker").UseWaitress(App, w => w with { Port = 8003 });
            o.Process("api").UseWaitress(App, w => w with { Port = 8001 }).DependsOn("auth");
            o.Process("auth").UseWaitress(App, w => w with { Port = 8002 });
        });

        Assert.Equal(["auth", "api", "web", "worker"], DependencyCheck.StartOrder(options.Processes).Select(p => p.Name));
    }

    [Fact]
    public void An_undeclared_dependency_is_rejected_naming_the_process_and_the_key()
    {
        var failure = Options.SingleFailure(o => o.Process("web").UseWaitress(App).DependsOn("db"));

        Assert.Equal("Process 'web': DependsOn names 'db', which is not declared; declared: web. (ProdServer:Processes:web:DependsOn:0)", failure);
    }

    [Fact]
    public void A_misspelled_dependency_is_rejected_with_the_process_meant()
    {
        var failure = Options.SingleFailure(o =>
        {
            o.Process("worker").UseWaitress(App, w => w with { Port = 8001 });
            o.Process("web").UseWaitress(App).DependsOn("wokrer");
        });

        Assert.Equal("Process 'web': DependsOn names 'wokrer', which is not declared (did you mean 'worker'?); declared: worker, web. (ProdServer:Processes:web:DependsOn:0)", failure);
    }

    [Fact]
    public void A_process_that_depends_on_itself_is_rejected()
    {
        var failure = Options.SingleFailure(o => o.Process("web").UseWaitress(App).DependsOn("web"));

        Assert.Equal("Process 'web': DependsOn names the process itself ('web'); a process cannot wait for its own readiness. (ProdServer:Processes:web:DependsOn:0)", failure);
    }

    [Fact]
    public void A_cycle_is_rejected_once_naming_every_process_on_it()
    {
        var failure = Options.SingleFailure(o =>
        {
            o.Process("a").UseWaitress(App, w => w with { Port = 8000 }).DependsOn("b");
            o.Process("b").UseWaitress(App, w => w with { Port = 8001 }).DependsOn("c");
            o.Process("c").UseWaitress(App, w => w with { Port = 8002 }).DependsOn("a");
        });

        Assert.Equal("Process 'a': DependsOn forms a cycle (a -> b -> c -> a), so none of them could start. (ProdServer:Processes:a:DependsOn)", failure);
    }
}
