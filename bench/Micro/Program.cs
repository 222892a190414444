using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProdServer.Config;

BenchmarkSwitcher.FromAssembly(typeof(Translation).Assembly).Run(args);

/// <summary>Typed args → argv, as the engine does on every start.</summary>
[MemoryDiagnoser]
public class Translation
{
    private readonly WaitressArgs _waitress = new()
    {
        Host = "127.0.0.1", Port = 8000, Threads = 8, ChannelTimeout = 60, Ident = "shop", ExposeTracebacks = false,
        TrustedProxy = "127.0.0.1", TrustedProxyHeaders = [TrustedProxyHeader.XForwardedFor, TrustedProxyHeader.XForwardedProto],
    };

    private readonly GunicornArgs _gunicorn = new() { Bind = ["127.0.0.1:8000"], Workers = 4, Timeout = 30, GracefulTimeout = 30, AccessLogfile = "-" };

    [Benchmark]
    public int Waitress()
    {
        var argv = new List<string>(16);
        _waitress.AppendArguments(argv);
        return argv.Count;
    }

    [Benchmark]
    public int Gunicorn()
    {
        var argv = new List<string>(16);
        _gunicorn.AppendArguments(argv);
        return argv.Count;
    }
}

/// <summary>The backend's FluentValidation rules over one process (the validator is built once, as in a host).</summary>
[MemoryDiagnoser]
public class Validation
{
    private readonly ProcessDefinition _web = new("web", ServerBackends.Waitress)
    {
        App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "127.0.0.1", Port = 8000, Threads = 8 },
    };

    [GlobalSetup]
    public void Warm() => ServerBackends.Waitress.Validate(_web);

    [Benchmark]
    public int Waitress() => ServerBackends.Waitress.Validate(_web).Count;
}

/// <summary>Code declarations + appsettings-style configuration → validated options, as the host builds them.</summary>
[MemoryDiagnoser]
public class Binding
{
    private IOptionsFactory<ProdServerOptions> _factory = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProdServer:Processes:web:Args:Threads"] = "8",
            ["ProdServer:Processes:web:Args:channel-timeout"] = "60",
            ["ProdServer:Processes:web:Args:expose-tracebacks"] = "False",
            ["ProdServer:Processes:web:StopTimeout"] = "15",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddProdServer(o => o.UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Port = 8000 }));
        _factory = services.BuildServiceProvider().GetRequiredService<IOptionsFactory<ProdServerOptions>>();
    }

    [Benchmark]
    public int BindAndValidate() => _factory.Create(Options.DefaultName).Processes.Count;
}
