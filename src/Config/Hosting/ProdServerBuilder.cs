using System;

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
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ProcessBuilder(Options, name);
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
