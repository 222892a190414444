using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ProdServer.Config;

/// <summary>
/// <c>--list</c>: one tab-separated line per process — name, backend, app, and <c>valid</c> or <c>invalid: </c> with its
/// first problem — so that one unfinished process neither hides the others nor fails the listing.
/// </summary>
internal static class ProcessList
{
    /// <summary>Writes the list, in the order the processes were written (see <see cref="ListOrderNote"/>).</summary>
    /// <param name="output">Where the list goes.</param>
    /// <param name="options">The bound options, validated for the section as a whole only.</param>
    /// <param name="validators">The host's validators; each process is checked alone by the ones of ProdServer.</param>
    public static async Task WriteAsync(TextWriter output, ProdServerOptions options, IEnumerable<IValidateOptions<ProdServerOptions>> validators)
    {
        var rules = validators.OfType<ProductionRulesValidator>().FirstOrDefault();
        foreach (var process in options.Processes)
        {
            var problem = FirstProblem(options, process.Name, rules);
            await output.WriteLineAsync($"{Field(process.Name)}\t{process.Backend.Name}\t{Field(process.App ?? string.Empty)}\t{State(problem)}").ConfigureAwait(false);
        }

        // Processes whose binding failed before they had a backend (an unknown one, say) are not declared; they are listed too.
        foreach (var name in options.ProcessBindingErrors.Where(p => p.Value.Count > 0 && options.Find(p.Key) is null).Select(p => p.Key))
        {
            await output.WriteLineAsync($"{Field(name)}\t?\t\t{State(FirstProblem(options, name, rules))}").ConfigureAwait(false);
        }

        if (options.UnorderedProcesses.Count > 0)
        {
            await output.WriteLineAsync(ListOrderNote.For(options)).ConfigureAwait(false);
        }
    }

    private static string? FirstProblem(ProdServerOptions options, string name, ProductionRulesValidator? rules)
    {
        var scope = ValidationScope.Only(name);
        // Rule warnings are not printed here: --list says whether a process would start, not everything about it.
        return ProdServerOptionsValidator.Failures(options, scope).FirstOrDefault()
            ?? rules?.Failures(options, scope, NullLogger.Instance).FirstOrDefault();
    }

    private static string State(string? problem) => problem is null ? "valid" : "invalid: " + Field(problem);

    // One line per process, four fields, whatever a name, app or message from configuration holds (a tab, a newline).
    private static string Field(string text) => Names.Printable(text, 300);
}
