using ProdServer.Config;

/// <summary>The sample's processes, in one method that Program.cs and the tests (samples/Quickstart.Tests) both call.</summary>
public static class Startup
{
    /// <summary>
    /// Declares the <c>web</c> process: <c>waitress-serve --host=127.0.0.1 --port=8000 --threads=4 --channel-timeout=60
    /// --ident=quickstart mysite.wsgi:application</c>, in the Django project shipped next to the program.
    /// </summary>
    /// <param name="o">The ProdServer builder.</param>
    public static void Configure(ProdServerBuilder o) => o
        .UseWaitress("mysite.wsgi:application", w => w with
        {
            Host = "127.0.0.1",
            Port = 8000,
            Threads = 4,
            ChannelTimeout = 60,
            Ident = "quickstart",
        })
        // The Django project ships next to the program (see Quickstart.csproj), so this works from any directory.
        .WorkingDirectory(Path.Combine(AppContext.BaseDirectory, "app"));
}
