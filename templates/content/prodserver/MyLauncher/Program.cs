using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyLauncher;

// `dotnet run --project MyLauncher -- web` (from the Django project's directory) runs the web server; `--list` shows the
// processes, `--dry-run` prints the exact command without starting it, `--help` shows everything else.
// As Host.CreateApplicationBuilder(args), but a malformed appsettings.json is one line (file:line:column: what), exit 1.
if (ProdServerHost.TryCreateApplicationBuilder(args) is not { } builder)
{
    return 1;
}

builder.Services.AddProdServer(Startup.Configure);

// `export systemd|supervisord|compose|kubernetes|procfile --out DIR`: deployment files for these processes.
builder.Services.AddProdServerExport();
return await builder.RunProdServerAsync(args);
