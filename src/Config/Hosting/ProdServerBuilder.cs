using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Declares the app's production processes in code; passed to <c>AddProdServer</c>.</summary>
public sealed class ProdServerBuilder
{
    /// <summary>The name of the process declared by the single-process shortcuts such as <c>o.UseWaitress(...)</c>.</summary>
    public const string DefaultProcessName = "web";

    internal ProdServerBuilder(ProdServerOptions options) => Options = options;

    /// <summary>The options being built, for settings the builder has no method for.</summary>
    public ProdServerOptions Options { get; }

    /// <summary>Declares (or continues declaring) the process <paramref name="name"/>.</summary>
    /// <param name="name">The process name used on the command line, for example <c>web</c> or <c>worker</c>.</param>
    /// <returns>A builder for that process.</returns>
    public ProcessBuilder Process(string name)
    {
        // A blank or hostile name is refused by validation, in one line with the name escaped, not thrown from here.
        ArgumentNullException.ThrowIfNull(name);
        return new ProcessBuilder(Options, name);
    }

    /// <summary>
    /// Adds a release step: a command that must exit 0 before any server starts (skipped with <c>--skip-release</c>).
    /// Steps run in the order they are added.
    /// </summary>
    /// <param name="name">The step's name, for example <c>migrate</c>.</param>
    /// <param name="command">The command; with <c>Python</c> set, its arguments (<c>["manage.py", "migrate", "--noinput"]</c>).</param>
    /// <param name="configure">Sets the interpreter, working directory or environment.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProdServerBuilder Release(string name, IEnumerable<string> command, Action<ReleaseStep>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var step = new ReleaseStep(name);
        foreach (var argument in command)
        {
            step.Command.Add(argument);
        }

        configure?.Invoke(step);
        Options.ReleaseSteps.Add(step);
        return this;
    }

    /// <summary>Names the process that runs when the command line names none (default: the first declared).</summary>
    /// <param name="name">The process name.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProdServerBuilder DefaultProcess(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Options.DefaultProcess = name;
        return this;
    }
}
