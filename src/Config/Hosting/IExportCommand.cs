using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// The <c>export</c> command, provided by the ProdServer.Config.Export package (<c>services.AddProdServerExport()</c>).
/// The command line and its help stay here, so that an app without the package still parses <c>export</c> and says
/// which package it needs instead of calling it an unknown command.
/// </summary>
internal interface IExportCommand
{
    /// <summary>
    /// Writes the deployment files for <paramref name="processes"/>, which were read in <paramref name="environmentName"/>
    /// (the files run the app in that environment, so that it reads what they were computed from), with the app's
    /// <paramref name="releaseSteps"/> run once before them where the target can; returns the exit code.
    /// </summary>
    Task<int> RunAsync(ProdServerCommandLine commandLine, IReadOnlyList<ProcessDefinition> processes, IReadOnlyList<ReleaseStep> releaseSteps, string contentRoot, string environmentName, TextWriter output, TextWriter error);
}
