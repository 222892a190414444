using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>A process of each server that can listen on a Unix socket, configured to listen on one alone.</summary>
internal static class UnixSocketServers
{
    public static TheoryData<string> All => ["gunicorn", "uvicorn", "waitress", "hypercorn", "daphne", "uwsgi"];

    public static ProcessDefinition Of(string server, string socket) => server switch
    {
        "gunicorn" => new("web", ServerBackends.Gunicorn) { App = "mysite.wsgi:application", Args = new GunicornArgs { Bind = ["unix:" + socket] } },
        "uvicorn" => new("web", ServerBackends.Uvicorn) { App = "mysite.asgi:application", Args = new UvicornArgs { Uds = socket } },
        "waitress" => new("web", ServerBackends.Waitress) { App = "mysite.wsgi:application", Args = new WaitressArgs { UnixSocket = socket } },
        "hypercorn" => new("web", ServerBackends.Hypercorn) { App = "mysite.asgi:application", Args = new HypercornArgs { Bind = ["unix:" + socket] } },
        "daphne" => new("web", ServerBackends.Daphne) { App = "mysite.asgi:application", Args = new DaphneArgs { UnixSocket = socket } },
        _ => new("web", ServerBackends.Uwsgi) { App = "mysite.wsgi:application", Args = new UwsgiArgs { Plugin = ["python3"], Master = true, Socket = [socket] } },
    };
}
