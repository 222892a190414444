using System.Linq;

namespace ProdServer.Config;

/// <summary>The <c>--list</c> line for processes whose order nobody wrote (environment variables, the command line).</summary>
internal static class ListOrderNote
{
    /// <summary>A <c>#</c> comment line, so that tools reading the tab-separated list can skip it.</summary>
    /// <param name="options">The bound options.</param>
    /// <returns>The line.</returns>
    public static string For(ProdServerOptions options)
    {
        var names = string.Join(", ", options.UnorderedProcesses.Select(n => ShellQuoting.QuoteOneLine(n)));
        var choice = options.DefaultProcess is { } chosen
            ? $"the default is ProdServer:Default ({ShellQuoting.QuoteOneLine(chosen)})"
            : "set ProdServer:Default to choose the default process";
        return $"# no written order for {names}: environment variables and the command line keep none, so they follow the others sorted by name; {choice}.";
    }
}
