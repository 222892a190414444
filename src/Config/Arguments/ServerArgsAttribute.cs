using System;

namespace ProdServer.Config;

/// <summary>
/// Marks a <c>partial record</c> as the typed command-line options of one server command.
/// The ProdServer.Config source generator implements <see cref="IServerArgs"/> for it at compile time:
/// a translator to argv, a configuration binder and the flag table — no reflection at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ServerArgsAttribute : Attribute
{
    /// <summary>Creates the attribute for the server command <paramref name="command"/> (for example <c>waitress-serve</c>).</summary>
    /// <param name="command">The command the options belong to; used in messages and documentation.</param>
    public ServerArgsAttribute(string command) => Command = command;

    /// <summary>The server command these options belong to, for example <c>waitress-serve</c>.</summary>
    public string Command { get; }
}
