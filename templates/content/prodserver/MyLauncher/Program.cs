using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyLauncher;

// `dotnet run --project MyLauncher -- web` (from the Django project's directory) runs the web server; `--list` shows the
// processes, `--dry-run` prints the exact command without starting it, `--help` shows everything else.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddProdServer(Startup.Configure);
return await builder.RunProdServerAsync(args);
