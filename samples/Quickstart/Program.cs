using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The whole production setup of a Django site: `dotnet run -- web` starts
// waitress-serve --host=127.0.0.1 --port=8000 --threads=4 --channel-timeout=60 … mysite.wsgi:application
// and supervises it; appsettings.json or ProdServer__Processes__web__Args__* variables override any value.
// The processes are declared in Startup.cs, where the tests (samples/Quickstart.Tests) find them too.
// Spawn first, before the host exists: the server is planned from Startup.Configure, appsettings*.json and the
// environment and started at once; the host (logging, validation, health checks) comes up while Python imports the app,
// and adopts the server only if it plans the same launch. A malformed appsettings.json is one line, exit 1.
return await ProdServerHost.RunAsync(args, Startup.Configure, builder =>
{
    // `quickstart export systemd|supervisord|compose|kubernetes|procfile --out DIR` (the ProdServer.Config.Export package).
    builder.Services.AddProdServerExport();

    // A Windows service when the Service Control Manager starts it (docs/windows.md); elsewhere this does nothing.
    builder.Services.AddProdServerWindowsService();
});
