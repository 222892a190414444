using System;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using static ProdServer.Config.Tests.Infrastructure.CheckedProject;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>--check</c> of a server with no check of its own imports, with the app, the optional packages its settings make it
/// import at start (uvicorn's uvloop, httptools, websockets or wsproto; hypercorn's uvloop or trio; granian's loops):
/// <c>Loop = Uvloop</c> without uvloop passed the check and every start failed. Run for real with Debian's uvicorn
/// 0.17.6 and hypercorn, whose python3 has wsproto but neither uvloop, httptools nor trio.
/// </summary>
public sealed class RequiredModuleCheckSpecs : IDisposable
{
    private readonly CheckedProject _project = CheckedProject.InNewDirectory();

    public RequiredModuleCheckSpecs() =>
        _project.Write("site_asgi.py", "async def application(scope, receive, send):\n    pass\n");

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Packages_the_python_lacks_fail_the_check_one_line_each_naming_the_key()
    {
        var (code, _, error) = await _project.CheckAsync(o => o.UseUvicorn("site_asgi:application", u => u with
        {
            Host = "127.0.0.1", Port = 19203, Loop = UvicornLoop.Uvloop, Http = UvicornHttp.Httptools, WebSockets = UvicornWebSockets.Wsproto,
        }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [
                $"Process 'web': Args:Loop needs the Python module uvloop, which uvicorn imports at start, but {Python} cannot import it: ModuleNotFoundError: No module named 'uvloop'; install it for that Python, or choose another Args:Loop.",
                $"Process 'web': Args:Http needs the Python module httptools, which uvicorn imports at start, but {Python} cannot import it: ModuleNotFoundError: No module named 'httptools'; install it for that Python, or choose another Args:Http.",
            ],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_package_the_python_has_passes_with_the_app()
    {
        var (code, output, error) = await _project.CheckAsync(o => o.UseUvicorn("site_asgi:application", u => u with
        {
            Host = "127.0.0.1", Port = 19204, WebSockets = UvicornWebSockets.Wsproto,
        }).Python(Python));

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal("web: valid, and the app 'site_asgi:application' imports with the server's Python, as do wsproto (uvicorn has no check of its own)\n", output);
    }

    [Fact]
    public async Task Hypercorns_trio_worker_class_needs_trio()
    {
        var (code, _, error) = await _project.CheckAsync(o => o.UseHypercorn("site_asgi:application", h => h with { Bind = ["127.0.0.1:19205"], WorkerClass = HypercornWorkerClass.Trio }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'web': Args:WorkerClass needs the Python module trio, which hypercorn imports at start, but {Python} cannot import it: ModuleNotFoundError: No module named 'trio'; install it for that Python, or choose another Args:WorkerClass."],
            EntryPoint.Lines(error));
    }
}
