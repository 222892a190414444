using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>PSC0101–PSC0104: how <c>AddProdServer</c> and the <c>Use…</c> methods are called.</summary>
public sealed class ProdServerBuilderAnalyzerTests
{
    private static Task VerifyAsync(string body, params DiagnosticResult[] expected) => Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>($$"""
        using Microsoft.Extensions.DependencyInjection;
        using ProdServer.Config;

        class C
        {
            void M(IServiceCollection services)
            {
                {{body}}
            }
        }
        """, expected);

    private static DiagnosticResult D(RuleInfo rule, int markup, params object[] arguments) => Verify.Diagnostic(rule, markup).WithArguments(arguments);

    [Fact]
    public Task Reports_a_process_name_declared_twice() => VerifyAsync("""
        services.AddProdServer(o =>
                {
                    o.UseWaitress("mysite.wsgi:application");
                    o.Process({|#0:"WEB"|}).UseWaitress("other.wsgi:application");
                    o.Process("admin").UseWaitress("mysite.wsgi:application");
                    o.Process({|#1:"admin"|}).UseWaitress("mysite.wsgi:application");
                });
        """, D(RuleRegistry.DuplicateProcessName, 0, "WEB"), D(RuleRegistry.DuplicateProcessName, 1, "admin"));

    [Fact]
    public Task Reports_a_name_declared_twice_in_a_Configure_method_and_in_RunAsyncs_lambda_as_the_template_and_the_readme_write_them() =>
        Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using ProdServer.Config;

        static class Startup
        {
            public static void Configure(ProdServerBuilder o)
            {
                o.UseWaitress("mysite.wsgi:application");
                o.Process({|#0:"web"|}).UseGunicorn("mysite.wsgi:application");
                o.Process("beat").UseCeleryBeat("proj");
                o.Process("beat2").UseCeleryBeat({|#1:"proj"|});
            }

            static Task<int> Main(string[] args) => ProdServerHost.RunAsync(args, o =>
            {
                o.UseWaitress("mysite.wsgi:application");
                {|#2:o.UseWaitress("other.wsgi:application")|};
            });

            static Task<int> Empty(string[] args) => ProdServerHost.RunAsync(args, {|#3:o => { }|});

            // A helper that only sets options declares nothing, and is not asked to.
            static void Limits(ProdServerBuilder o) => o.DefaultProcess("web");
        }
        """,
        D(RuleRegistry.DuplicateProcessName, 0, "web"), D(RuleRegistry.CeleryBeatTwice, 1, "proj"),
        D(RuleRegistry.DuplicateProcessName, 2, "web"), D(RuleRegistry.NoProcessDeclared, 3));

    [Fact]
    public Task Reports_celery_beat_declared_twice_for_one_app() => VerifyAsync("""
        services.AddProdServer(o =>
                {
                    o.Process("worker").UseCeleryWorker("proj");
                    o.Process("beat").UseCeleryBeat("proj");
                    o.Process("scheduler").UseCeleryBeat({|#0:"proj"|});
                });
        """, D(RuleRegistry.CeleryBeatTwice, 0, "proj"));

    [Fact]
    public Task Does_not_report_one_beat_per_app_or_apps_known_only_at_run_time() => VerifyAsync("""
        var app = System.Environment.GetEnvironmentVariable("APP") ?? "proj";
                services.AddProdServer(o =>
                {
                    o.Process("billing-beat").UseCeleryBeat("billing");
                    o.Process("mailer-beat").UseCeleryBeat("mailer");
                    o.Process("dynamic-beat").UseCeleryBeat(app);
                    o.Process("billing-worker").UseCeleryWorker("billing");
                });
        """);

    [Fact]
    public Task Reports_the_django_dev_server_declared_for_every_environment() => VerifyAsync("""
        services.AddProdServer(o => o.{|#0:UseDjangoDevServer|}("127.0.0.1:8000"));
                services.AddProdServer(o => o.Process("dev").{|#1:UseDjangoDevServer|}("127.0.0.1:8001"));
        """, D(RuleRegistry.DevServerInProduction, 0), D(RuleRegistry.DevServerInProduction, 1));

    [Fact]
    public Task Does_not_report_the_django_dev_server_inside_an_IsDevelopment_branch_or_a_production_server() => Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>($$"""
        using Microsoft.Extensions.DependencyInjection;
        using ProdServer.Config;

        {{Verify.HostingStandIn}}

        namespace App
        {
            using Microsoft.Extensions.Hosting;

            class C
            {
                void M(IServiceCollection services, IHostEnvironment env)
                {
                    services.AddProdServer(o =>
                    {
                        if (env.IsDevelopment())
                        {
                            o.UseDjangoDevServer("127.0.0.1:8000");
                        }
                        else
                        {
                            o.UseGunicorn("mysite.wsgi:application");
                        }
                    });
                    services.AddProdServer(o => _ = env.IsDevelopment() ? o.UseDjangoDevServer("127.0.0.1:8000") : o.UseWaitress("mysite.wsgi:application"));
                }
            }
        }
        """);

    [Fact]
    public Task Does_not_report_the_django_dev_server_where_Production_is_ruled_out_but_does_where_it_is_not() => Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>($$"""
        using Microsoft.Extensions.DependencyInjection;
        using ProdServer.Config;

        {{Verify.HostingStandIn}}

        namespace App
        {
            using Microsoft.Extensions.Hosting;

            class C
            {
                void M(IServiceCollection services, IHostEnvironment env)
                {
                    var isDev = env.IsDevelopment();
                    var local = isDev && !env.IsProduction();
                    services.AddProdServer(o => { if (isDev) o.UseDjangoDevServer("127.0.0.1:8000"); else o.UseWaitress("mysite.wsgi:application"); });
                    services.AddProdServer(o => { if (local) o.Process("a").UseDjangoDevServer("127.0.0.1:8001"); });
                    services.AddProdServer(o => { if (env.IsProduction()) o.UseWaitress("mysite.wsgi:application"); else o.UseDjangoDevServer("127.0.0.1:8002"); });
                    services.AddProdServer(o => { if (!env.IsEnvironment(Environments.Production)) o.UseDjangoDevServer("127.0.0.1:8003"); });
                    services.AddProdServer(o => { if (env.IsStaging() || env.EnvironmentName == "Development") o.UseDjangoDevServer("127.0.0.1:8004"); });
                    services.AddProdServer(o => _ = env.EnvironmentName != Environments.Production ? o.UseDjangoDevServer("127.0.0.1:8005") : null);
                    services.AddProdServer(o =>
                    {
                        if (env.IsProduction())
                        {
                            o.UseWaitress("mysite.wsgi:application");
                            return;
                        }

                        o.UseDjangoDevServer("127.0.0.1:8006");
                    });

                    // Production is not ruled out: a local written again, Production itself, a check that does not leave.
                    var maybe = env.IsDevelopment();
                    maybe = true;
                    services.AddProdServer(o => { if (maybe) o.{|#0:UseDjangoDevServer|}("127.0.0.1:8007"); });
                    services.AddProdServer(o => { if (env.IsEnvironment("production")) o.{|#1:UseDjangoDevServer|}("127.0.0.1:8008"); });
                    services.AddProdServer(o => { if (env.IsStaging() || env.IsProduction()) o.{|#2:UseDjangoDevServer|}("127.0.0.1:8009"); });
                    services.AddProdServer(o =>
                    {
                        if (env.IsProduction())
                        {
                            o.Process("x").UseWaitress("mysite.wsgi:application");
                        }

                        o.{|#3:UseDjangoDevServer|}("127.0.0.1:8010");
                    });
                }
            }
        }
        """, D(RuleRegistry.DevServerInProduction, 0), D(RuleRegistry.DevServerInProduction, 1), D(RuleRegistry.DevServerInProduction, 2), D(RuleRegistry.DevServerInProduction, 3));

    [Fact]
    public Task Does_not_report_a_process_declared_once_in_each_exclusive_branch_but_does_after_them() => VerifyAsync("""
        var mode = System.Environment.GetEnvironmentVariable("MODE");
                services.AddProdServer(o =>
                {
                    if (mode == "a") { o.UseWaitress("a.wsgi:app"); }
                    else if (mode == "b") { o.UseGunicorn("b.wsgi:app"); }
                    else { o.Process("web").UseGunicorn("c.wsgi:app"); }
                    _ = mode == "d" ? o.Process("admin").UseWaitress("a.wsgi:app") : o.Process("admin").UseGunicorn("a.wsgi:app");
                    switch (mode)
                    {
                        case "e": o.Process("worker").UseCeleryWorker("proj"); break;
                        default: o.Process("worker").UseCeleryWorker("proj"); break;
                    }

                    {|#0:o.UseWaitress("z.wsgi:app")|};
                });
        """, D(RuleRegistry.DuplicateProcessName, 0, "web"));

    [Fact]
    public Task Reports_UseWaitress_on_the_builder_twice() => VerifyAsync("""
        services.AddProdServer(o => { o.UseWaitress("a.wsgi:app"); {|#0:o.UseWaitress("b.wsgi:app")|}; });
        """, D(RuleRegistry.DuplicateProcessName, 0, "web"));

    [Fact]
    public Task Does_not_report_distinct_names_or_names_known_only_at_run_time() => VerifyAsync("""
        var name = System.Environment.GetEnvironmentVariable("NAME") ?? "x";
                services.AddProdServer(o =>
                {
                    o.UseWaitress("mysite.wsgi:application").WorkingDirectory("src");
                    o.Process("admin").UseWaitress("mysite.wsgi:application");
                    o.Process(name).UseWaitress("mysite.wsgi:application");
                    o.Process(name).UseWaitress("mysite.wsgi:application");
                });
        """);

    [Fact]
    public Task Reports_a_lambda_that_declares_no_process() => VerifyAsync("""
        services.AddProdServer({|#0:o => { }|});
                services.AddProdServer({|#1:o => o.DefaultProcess("web")|});
        """, D(RuleRegistry.NoProcessDeclared, 0), D(RuleRegistry.NoProcessDeclared, 1));

    // The lambda gives the builder to the app's own method, which declares the processes (judged as its own configuration).
    [Fact]
    public Task Does_not_report_a_lambda_that_hands_the_builder_to_a_method_of_the_app() => VerifyAsync("""
        void Configure(ProdServerBuilder b) => b.UseWaitress("mysite.wsgi:application");
                services.AddProdServer(o => Configure(o));
                services.AddProdServer(o => { o.DefaultProcess("web"); Configure(o); });
                services.AddProdServer({|#0:o => o.DefaultProcess("web")|});
        """, D(RuleRegistry.NoProcessDeclared, 0));

    // PSC0102 is for ProdServer.Config's own entry points, found by their types: a project's class that happens to be named
    // ProdServerHost, or its own AddProdServer, may take a lambda that only adds to a configuration declared elsewhere.
    [Fact]
    public Task Does_not_take_a_projects_own_ProdServerHost_or_AddProdServer_for_the_librarys() => Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using System;
        using System.Threading.Tasks;
        using ProdServer.Config;

        namespace MyApp
        {
            static class ProdServerHost
            {
                public static Task<int> RunAsync(string[] args, Action<ProdServerBuilder> extra) => Task.FromResult(0);
            }

            static class MyServices
            {
                public static void AddProdServer(this object services, Action<ProdServerBuilder> extra) { }
            }

            static class Program
            {
                static Task<int> Main(string[] args)
                {
                    new object().AddProdServer(o => o.DefaultProcess("web"));
                    return ProdServerHost.RunAsync(args, o => { });
                }

                static Task<int> Real(string[] args) => Microsoft.Extensions.Hosting.ProdServerHost.RunAsync(args, {|#0:o => { }|});
            }
        }
        """, D(RuleRegistry.NoProcessDeclared, 0));

    [Fact]
    public Task Does_not_report_AddProdServer_without_a_lambda() => VerifyAsync("services.AddProdServer();");

    [Theory]
    [InlineData("mysite.wsgi")]
    [InlineData("mysite/wsgi.py:application")]
    [InlineData("mysite.wsgi:")]
    [InlineData("mysite.wsgi:application:x")]
    public Task Reports_an_app_target_that_is_not_module_object(string app) => VerifyAsync($$"""
        services.AddProdServer(o => o.UseWaitress({|#0:"{{app}}"|}));
        """, D(RuleRegistry.AppTargetNotModuleObject, 0, app, ModuleObject));

    // gunicorn imports a module alone (its object defaults to application, as Django's wsgi.py names it) and factory
    // calls; granian a .py file: valid targets the start-up check accepts, which the build must not refuse.
    [Theory]
    [InlineData("UseGunicorn", "mysite.wsgi")]
    [InlineData("UseGunicorn", "app:create_app()")]
    [InlineData("UseGunicorn", "app:create_app(debug=False)")]
    [InlineData("Process(\"g\").UseGranian", "mysite/asgi.py:application")]
    [InlineData("Process(\"g\").UseGranianWsgi", "mysite.wsgi")]
    [InlineData("UseUvicorn", "café.asgi:application")]
    public Task Does_not_report_a_target_the_backend_imports(string use, string app) => VerifyAsync($$"""
        services.AddProdServer(o => o.{{use}}("{{app}}"));
        """);

    // A literal's line break or direction override would reach the build output as it is: a forged line, or text shown
    // in another order than it is.
    [Fact]
    public Task Reports_an_app_target_holding_a_line_break_or_a_direction_override_on_one_line() => VerifyAsync("""
        services.AddProdServer(o => o.UseWaitress({|#0:"a\nerror CS0000: forged"|}));
        services.AddProdServer(o => o.UseWaitress({|#1:"a\u202eb"|}));
        """,
        D(RuleRegistry.AppTargetNotModuleObject, 0, "a\\u000aerror CS0000: forged", ModuleObject),
        D(RuleRegistry.AppTargetNotModuleObject, 1, "a\\u202eb", ModuleObject));

    // gunicorn parses the object with ast: an attribute chain, which waitress and uvicorn resolve, is "Failed to parse".
    [Fact]
    public Task Reports_a_target_gunicorn_cannot_import_in_gunicorns_words() => VerifyAsync("""
        services.AddProdServer(o => o.UseGunicorn({|#0:"mysite/wsgi.py"|}));
        services.AddProdServer(o => o.Process("a").UseGunicorn({|#1:"app:holder.wsgi_app"|}));
        services.AddProdServer(o => o.Process("b").UseGunicorn({|#2:"app:factories.create_app()"|}));
        services.AddProdServer(o => o.Process("c").UseWaitress("app:holder.wsgi_app"));
        """,
        D(RuleRegistry.AppTargetNotModuleObject, 0, "mysite/wsgi.py", GunicornForm),
        D(RuleRegistry.AppTargetNotModuleObject, 1, "app:holder.wsgi_app", GunicornForm),
        D(RuleRegistry.AppTargetNotModuleObject, 2, "app:factories.create_app()", GunicornForm));

    private const string GunicornForm =
        "'module' or 'module:object', where the object is one name (no attribute chain such as app.wsgi_app) or a call of one such as create_app(), for example mysite.wsgi:application";

    // waitress matches the target with its own ASCII pattern ("Malformed application 'café.wsgi:application'"), which
    // uvicorn, gunicorn, daphne and hypercorn do not: they import any Python identifier.
    [Fact]
    public Task Reports_a_non_ASCII_target_for_waitress_only() => VerifyAsync("""
        services.AddProdServer(o => o.UseWaitress({|#0:"café.wsgi:application"|}));
        services.AddProdServer(o => o.UseGunicorn("café.wsgi:application"));
        """,
        D(RuleRegistry.AppTargetNotModuleObject, 0, "café.wsgi:application",
            "'module:object' (a dotted module, a colon and the object's name) in ASCII letters, digits and _, for example mysite.wsgi:application"));

    private const string ModuleObject = "'module:object' (a dotted module, a colon and the object's name) in ASCII letters, digits and _, for example mysite.wsgi:application";

    [Fact]
    public Task Reports_a_WSGI_server_pointed_at_the_ASGI_module() => VerifyAsync("""
        services.AddProdServer(o => o.Process("web").UseWaitress({|#0:"mysite.asgi:application"|}));
        """, D(RuleRegistry.AppInterfaceMismatch, 0, "mysite.asgi:application", "ASGI", "Waitress", "WSGI", "mysite.wsgi:application"));

    [Theory]
    [InlineData("mysite.wsgi:application")]
    [InlineData("app:create_app")]
    [InlineData("_private.pkg.wsgi:application.inner")]
    public Task Does_not_report_a_good_app_target(string app) => VerifyAsync($$"""
        services.AddProdServer(o => o.UseWaitress("{{app}}"));
        """);

    [Fact]
    public Task Does_not_report_when_the_library_is_not_referenced() => Verify.AnalyzerAsync<ProdServerBuilderAnalyzer>("""
        using System;

        class ProdServerBuilder { public ProdServerBuilder UseWaitress(string app) => this; }

        static class E
        {
            public static void AddProdServer(this object services, Action<ProdServerBuilder> configure) { }

            static void M(object services) => services.AddProdServer(o => { o.UseWaitress("bad"); o.UseWaitress("bad"); });
        }
        """, withLibrary: false, editorConfig: null);

    [Fact]
    public Task Reports_every_HTTP_server_pointed_at_the_other_interfaces_module() => VerifyAsync("""
        services.AddProdServer(o =>
                {
                    o.UseGunicorn({|#0:"mysite.asgi:application"|});
                    o.Process("asgi").UseUvicornWsgi({|#1:"mysite.asgi:application"|});
                    o.Process("granian").UseGranian({|#2:"mysite.wsgi:application"|});
                    o.Process("granian-wsgi").UseGranianWsgi({|#3:"mysite.asgi:application"|});
                });
                services.AddProdServer(o => o.UseUvicorn({|#4:"mysite.wsgi:application"|}));
        """,
        D(RuleRegistry.AppInterfaceMismatch, 0, "mysite.asgi:application", "ASGI", "Gunicorn", "WSGI", "mysite.wsgi:application"),
        D(RuleRegistry.AppInterfaceMismatch, 1, "mysite.asgi:application", "ASGI", "UvicornWsgi", "WSGI", "mysite.wsgi:application"),
        D(RuleRegistry.AppInterfaceMismatch, 2, "mysite.wsgi:application", "WSGI", "Granian", "ASGI", "mysite.asgi:application"),
        D(RuleRegistry.AppInterfaceMismatch, 3, "mysite.asgi:application", "ASGI", "GranianWsgi", "WSGI", "mysite.wsgi:application"),
        D(RuleRegistry.AppInterfaceMismatch, 4, "mysite.wsgi:application", "WSGI", "Uvicorn", "ASGI", "mysite.asgi:application"));

    // gunicorn's worker class decides the interface: a uvicorn worker given by its path, or one only known at run time,
    // is not judged; its own asgi worker serves ASGI, its others WSGI.
    [Fact]
    public Task Judges_gunicorns_app_by_its_worker_class() => VerifyAsync("""
        System.Func<GunicornArgs, GunicornArgs> configure = g => g;
        var worker = System.Environment.GetEnvironmentVariable("WORKER");
        services.AddProdServer(o =>
                {
                    o.UseGunicorn("mysite.asgi:application", g => g with { WorkerClass = "uvicorn_worker.UvicornWorker" });
                    o.Process("asgi").UseGunicorn("mysite.asgi:application", g => g with { WorkerClass = "asgi", Workers = 2 });
                    o.Process("runtime").UseGunicorn("mysite.asgi:application", g => g with { WorkerClass = worker });
                    o.Process("group").UseGunicorn("mysite.asgi:application", configure);
                    o.Process("wrong").UseGunicorn({|#0:"mysite.wsgi:application"|}, g => g with { WorkerClass = "asgi" });
                    o.Process("sync").UseGunicorn({|#1:"mysite.asgi:application"|}, g => g with { WorkerClass = "gthread" });
                });
        """,
        D(RuleRegistry.AppInterfaceMismatch, 0, "mysite.wsgi:application", "WSGI", "Gunicorn", "ASGI", "mysite.asgi:application"),
        D(RuleRegistry.AppInterfaceMismatch, 1, "mysite.asgi:application", "ASGI", "Gunicorn", "WSGI", "mysite.wsgi:application"));

    [Fact]
    public Task Reports_granian_pointed_at_the_other_interfaces_file() => VerifyAsync("""
        services.AddProdServer(o => o.Process("granian").UseGranian({|#0:"mysite/wsgi.py:application"|}));
        services.AddProdServer(o => o.Process("granian").UseGranianWsgi("mysite/wsgi.py"));
        """,
        D(RuleRegistry.AppInterfaceMismatch, 0, "mysite/wsgi.py:application", "WSGI", "Granian", "ASGI", "mysite/asgi.py:application"));

    [Fact]
    public Task Does_not_report_HTTP_servers_given_their_own_interface_or_a_Celery_app() => VerifyAsync("""
        services.AddProdServer(o =>
                {
                    o.UseGunicorn("mysite.wsgi:application");
                    o.Process("asgi").UseUvicornWsgi("mysite.wsgi:application");
                    o.Process("granian").UseGranian("mysite.asgi:application");
                    o.Process("granian-wsgi").UseGranianWsgi("mysite.wsgi:application");
                    o.Process("worker").UseCeleryWorker("proj");
                });
                services.AddProdServer(o => o.UseUvicorn("mysite.asgi:application"));
        """);
}
