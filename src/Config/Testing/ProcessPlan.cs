using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>What one process would start: the answer of <see cref="ProdServerPlan.Process(string)"/>.</summary>
/// <param name="Name">The process name as declared.</param>
/// <param name="Backend">The server backend's name (<c>Waitress</c>, <c>Gunicorn</c>, …), as written in configuration.</param>
/// <param name="Executable">The program started: the server's command or a Python interpreter.</param>
/// <param name="Arguments">The arguments after <paramref name="Executable"/>, one element each, exactly as the server receives them.</param>
/// <param name="Environment">The variables set for the server on top of the inherited environment (<c>PYTHONUNBUFFERED</c>, …).</param>
/// <param name="WorkingDirectory">The absolute directory the server starts in.</param>
public sealed record ProcessPlan(
    string Name,
    string Backend,
    string Executable,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory)
{
    /// <summary>The command as one line a POSIX shell runs the same way, as <c>--dry-run</c> prints it.</summary>
    public string CommandLine => string.Join(' ', new[] { Executable }.Concat(Arguments).Select(ShellQuoting.Quote));
}
