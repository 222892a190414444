using ProdServer.Config;

namespace My_Launcher;

/// <summary>The production processes, in code (typed and checked as you type); appsettings*.json and environment variables override them.</summary>
public static class Startup
{
    /// <summary>Declares the processes; Program.cs and the tests in My-Launcher.Tests both call it.</summary>
    /// <param name="o">The ProdServer builder.</param>
    public static void Configure(ProdServerBuilder o)
    {
//#if (backend == "waitress")
        o.UseWaitress("mysite.wsgi:application", w => w with { Host = "127.0.0.1", Port = 8000, Threads = 4 });
//#elif (backend == "gunicorn")
        o.UseGunicorn("mysite.wsgi:application", g => g with { Bind = ["127.0.0.1:8000"], Workers = 2 });
//#elif (backend == "uvicorn")
        o.UseUvicorn("mysite.asgi:application", u => u with { Host = "127.0.0.1", Port = 8000, Workers = 2 });
//#else
        o.UseGranian("mysite.asgi:application", g => g with { Host = "127.0.0.1", Port = 8000, Workers = 2 });
//#endif
//#if (celery)
        o.Process("worker").UseCeleryWorker("mysite", w => w with { Broker = "redis://127.0.0.1:6379/0", Concurrency = 2 });
//#endif
    }
}
