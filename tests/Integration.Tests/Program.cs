using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// This assembly doubles as a host program, so a test can run a host as a separate process and SIGKILL it:
/// <c>dotnet ProdServer.Config.Integration.Tests.dll host gunicorn PORT</c>, <c>… host dummy PORT|- WORDS…</c>,
/// <c>… host missing - WORDS…</c> (the dummy with an interpreter that does not exist), <c>… host spawnfirst PORT|- WORDS…</c> (the dummy, the host built by the launcher), <c>… host envfile - PATH</c> or <c>… host early PORT GATE [WORDS…]</c>. With
/// <c>PRODSERVER_TEST_PEAK=1</c> it writes its own peak memory (<c>VmHWM: N kB</c>) to stderr before it exits.
/// The test runner never calls it (it has its own entry point).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["host", var scenario, var portText, .. var words])
        {
            await Console.Error.WriteLineAsync("usage: host gunicorn PORT | host dummy PORT|- WORDS... | host missing - WORDS... | host spawnfirst PORT|- WORDS... | host envfile - PATH | host early PORT GATE [WORDS...]");
            return ExitCodes.Usage;
        }

        int? port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (scenario == "envfile")
        {
            // host envfile - PATH: a server that prints SECRET at every start, restarted after each exit, SECRET from --env-file PATH.
            builder.Services.AddProdServer(o => TestBackend.Declare(o, "web", TestBackend.Dummy, null, ["env", "SECRET"]).Restart(RestartPolicy.Always));
            return await builder.Build().RunProdServerAsync(["web", "--env-file", words[0]]);
        }

        if (scenario == "spawnfirst")
        {
            // host spawnfirst PORT|- WORDS...: the dummy, run as ProdServerHost.RunAsync and builder.RunProdServerAsync run
            // (the console's streams, the host built by the launcher): its standard output is watched for a reader gone.
            builder.Services.AddProdServer(o => TestBackend.Declare(o, "web", TestBackend.Dummy, port, words.ToArray()).Restart(RestartPolicy.Never));
            return await builder.RunProdServerAsync(["web"]);
        }

        if (scenario == "early")
        {
            // host early PORT GATE [WORDS…]: spawn first (the dummy with WORDS, 'serve' by default); the host's build then
            // waits for the file GATE, so that a test can send a stop signal while the server runs and the host is not built yet.
            string[] dummy = words is [_, _, ..] ? words[1..] : ["serve"];
            builder.Services.AddProdServer(o => TestBackend.Declare(o, "web", TestBackend.Dummy, port, dummy).Restart(RestartPolicy.Never));
            builder.ConfigureContainer(new GatedBuild(words[0]));
            return await builder.RunProdServerAsync(["web"]);
        }

        builder.Services.AddProdServer(o =>
        {
            var process = scenario == "gunicorn"
                ? TestBackend.Declare(o, "web", TestBackend.Gunicorn, port, ["--workers=2", $"--bind=127.0.0.1:{port}", "hello:app"])
                : TestBackend.Declare(o, "web", TestBackend.Dummy, port, words.ToArray());
            if (scenario == "missing")
            {
                process.Python("/nonexistent/python3");
            }

            process.Restart(RestartPolicy.Never);
        });
        var code = await builder.Build().RunProdServerAsync(["web"]);
        if (Environment.GetEnvironmentVariable("PRODSERVER_TEST_PEAK") == "1")
        {
            var peak = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            await Console.Error.WriteLineAsync(peak);
        }

        return code;
    }
}
