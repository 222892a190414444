using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using My_Launcher;

// `dotnet run --project My-Launcher/My-Launcher -- web` (from the Django project's directory) runs the web server; `--list` shows the
// processes, `--dry-run` prints the exact command without starting it, `--help` shows everything else.
// The server is spawned before the host exists: planned from Startup.Configure, appsettings*.json and the environment,
// so Python imports the app while the host (logging, validation, health checks) comes up; the host adopts the server
// only if it plans the same launch, and an invalid configuration stops it with one line, exit 1.
return await ProdServerHost.RunAsync(args, Startup.Configure, builder =>
{
    // `export systemd|supervisord|compose|kubernetes|procfile --out DIR`: deployment files for these processes.
    builder.Services.AddProdServerExport();
});
