using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProdServer.Config;

// The whole production setup of a Django site: `dotnet run -- web` starts
// waitress-serve --host=127.0.0.1 --port=8000 --threads=4 --channel-timeout=60 … mysite.wsgi:application
// and supervises it; appsettings.json or ProdServer__Processes__web__Args__* variables override any value.
// As Host.CreateApplicationBuilder(args), but a malformed appsettings.json is one line (file:line:column: what), exit 1.
if (ProdServerHost.TryCreateApplicationBuilder(args) is not { } builder)
{
    return 1;
}

builder.Services.AddProdServer(o => o
    .UseWaitress("mysite.wsgi:application", w => w with
    {
        Host = "127.0.0.1",
        Port = 8000,
        Threads = 4,
        ChannelTimeout = 60,
        Ident = "quickstart",
    })
    // The Django project ships next to the program (see Quickstart.csproj), so this works from any directory.
    .WorkingDirectory(Path.Combine(AppContext.BaseDirectory, "app")));

// A Windows service when the Service Control Manager starts it (docs/windows.md); elsewhere this does nothing.
builder.Services.AddProdServerWindowsService();

// Spawn first: the server starts before the host is built; the rest comes up while Python imports the app.
return await builder.RunProdServerAsync(args);
