using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// A one-off command that must finish successfully before any server starts, such as
/// <c>python manage.py migrate --noinput</c> or <c>collectstatic --noinput</c>. Steps run in declaration order.
/// </summary>
public sealed class ReleaseStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="name">A name for logs and messages, for example <c>migrate</c>.</param>
    public ReleaseStep(string name)
    {
        ArgumentNullException.ThrowIfNull(name); // a blank or hostile name is refused by validation (Names.NameProblem)
        Name = name;
    }

    /// <summary>The step's name.</summary>
    public string Name { get; }

    /// <summary>
    /// The command, one element per argument. With <see cref="Python"/> set, it is run by that interpreter
    /// (<c>["manage.py", "migrate", "--noinput"]</c>); otherwise the first element is the program.
    /// </summary>
    public IList<string> Command { get; } = new List<string>();

    /// <summary>The interpreter that runs <see cref="Command"/>, for example <c>/usr/bin/python3</c>.</summary>
    public string? Python { get; set; }

    /// <summary>The directory the command runs in; relative to the content root. Default: the content root.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Environment variables set for the command.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
