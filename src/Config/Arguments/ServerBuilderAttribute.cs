using System;

namespace ProdServer.Config;

/// <summary>
/// Asks the source generator for the typed builder methods of a built-in backend, on the args record they configure:
/// <c>process.UseX(app, configure)</c> on <c>ProcessBuilder</c> and <c>o.UseX(app, configure)</c> on
/// <c>ProdServerBuilder</c> (which declares the backend's default process), in a static class named after the record
/// (<c>WaitressArgs</c> → <c>WaitressBuilderExtensions</c>). The texts are XML documentation fragments copied into the
/// methods' doc comments. Internal: the methods call a member of <c>ServerBackends</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
internal sealed class ServerBuilderAttribute : Attribute
{
    /// <summary>Creates the attribute for the method <paramref name="methodName"/>, running <paramref name="backend"/>.</summary>
    /// <param name="methodName">The methods' name, for example <c>UseWaitress</c>.</param>
    /// <param name="backend">The name of the <c>ServerBackends</c> property the methods use, for example <c>Waitress</c>.</param>
    public ServerBuilderAttribute(string methodName, string backend)
    {
        MethodName = methodName;
        Backend = backend;
    }

    /// <summary>The methods' name, for example <c>UseWaitress</c>.</summary>
    public string MethodName { get; }

    /// <summary>The name of the <c>ServerBackends</c> property the methods use.</summary>
    public string Backend { get; }

    /// <summary>The summary of the <c>ProcessBuilder</c> method: what it runs, with its command line.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>What declares the default process: the end of "Declares the <c>web</c> process, …", for example <c>served by Waitress</c>.</summary>
    public string Declares { get; set; } = string.Empty;

    /// <summary>The documentation of the app parameter; empty when the server takes no application target.</summary>
    public string App { get; set; } = string.Empty;

    /// <summary>The app parameter's name. Default <c>app</c>.</summary>
    public string AppParameter { get; set; } = "app";

    /// <summary>The documentation of the configure parameter, typically with an example.</summary>
    public string Configure { get; set; } = string.Empty;

    /// <summary>The default process's name; empty for <c>ProdServerBuilder.DefaultProcessName</c> (<c>web</c>).</summary>
    public string ProcessName { get; set; } = string.Empty;

    /// <summary>
    /// When not empty, overloads without the app parameter are generated too (the server has a default app), with this
    /// summary on the <c>ProcessBuilder</c> method and <see cref="DeclaresWithoutApp"/> on the other.
    /// </summary>
    public string SummaryWithoutApp { get; set; } = string.Empty;

    /// <summary>As <see cref="Declares"/>, for the overload without the app parameter.</summary>
    public string DeclaresWithoutApp { get; set; } = string.Empty;
}
