using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The whole production setup of a Django site: `dotnet run -- web` starts
// waitress-serve --host=127.0.0.1 --port=8000 --threads=4 --channel-timeout=60 … mysite.wsgi:application
// and supervises it; appsettings.json or ProdServer__Processes__web__Args__* variables override any value.
// The processes are declared in Startup.cs, where the tests (samples/Quickstart.Tests) find them too.
// As Host.CreateApplicationBuilder(args), but a malformed appsettings.json is one line (file:line:column: what), exit 1.
if (ProdServerHost.TryCreateApplicationBuilder(args) is not { } builder)
{
    return 1;
}

builder.Services.AddProdServer(Startup.Configure);

// `quickstart export systemd|supervisord|compose|kubernetes|procfile --out DIR` (the ProdServer.Config.Export package).
builder.Services.AddProdServerExport();

// A Windows service when the Service Control Manager starts it (docs/windows.md); elsewhere this does nothing.
builder.Services.AddProdServerWindowsService();

// Spawn first: the server starts before the host is built; the rest comes up while Python imports the app.
return await builder.RunProdServerAsync(args);
