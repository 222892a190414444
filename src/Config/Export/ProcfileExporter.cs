using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Writes a Procfile: <c>name: command</c>, one line per process.</summary>
internal static class ProcfileExporter
{
    public static IReadOnlyList<ExportedFile> Export(Deployment deployment) =>
        [new ExportedFile("Procfile", string.Concat(deployment.Processes.Select(p => $"{p.Name}: {deployment.CommandLine(p)}\n")))];
}
