using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// One named production process (<c>web</c>, <c>worker</c>, …): which server runs it, the app it serves,
/// the typed server options and how the child process is started.
/// </summary>
public sealed partial class ProcessDefinition
{
    /// <summary>The default for <see cref="StopTimeout"/>: long enough for a graceful stop, well under the host's 30 s shutdown timeout.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Creates a process definition.</summary>
    /// <param name="name">The process name used on the command line (<c>web</c>).</param>
    /// <param name="backend">The server that runs it.</param>
    public ProcessDefinition(string name, ServerBackend backend)
    {
        ArgumentNullException.ThrowIfNull(name); // a blank or hostile name is refused by validation (Names.NameProblem)
        ArgumentNullException.ThrowIfNull(backend);
        Name = name;
        Backend = backend;
        Args = backend.CreateDefaultArgs();
    }

    /// <summary>The process name used on the command line, for example <c>web</c>.</summary>
    public string Name { get; }

    /// <summary>The server that runs this process.</summary>
    public ServerBackend Backend { get; internal set; }

    /// <summary>The application target, for example <c>mysite.wsgi:application</c>.</summary>
    public string? App { get; set; }

    /// <summary>The typed options of <see cref="Backend"/>, for example a <see cref="WaitressArgs"/>.</summary>
    public IServerArgs Args { get; set; }

    /// <summary>
    /// The args properties the command line set after <c>--</c> (<c>Threads</c>), with the flag as given (<c>threads</c>):
    /// a problem with one of them names that flag, not a configuration key the user never wrote.
    /// </summary>
    internal Dictionary<string, string> CommandLineFlags { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where a setting of this process was written, for a message: <c>ProdServer:Processes:web:Args:Threads</c>, or
    /// <c>command line after --: --threads</c> when the command line set it.
    /// </summary>
    /// <param name="key">The key below the process (<c>Args:Threads</c>, <c>Args:Listen:1</c>, <c>StopTimeout</c>).</param>
    internal string WhereSet(string key) =>
        CommandLineFlag(key) is { } flag
            ? "command line after --: --" + Names.Printable(flag)
            : $"{ProdServerOptions.SectionName}:Processes:{Name}:{key}";

    /// <summary>The flag after <c>--</c> that set <paramref name="key"/> (as in <see cref="WhereSet"/>), or <see langword="null"/>.</summary>
    internal string? CommandLineFlag(string key)
    {
        var property = key.StartsWith("Args:", StringComparison.Ordinal) ? key["Args:".Length..].Split(':')[0] : null;
        return property is not null && CommandLineFlags.TryGetValue(property, out var flag) ? flag : null;
    }

    /// <summary>
    /// The directory the server starts in; the server imports the app module relative to it.
    /// A relative path is resolved against the host's content root. Default: the content root.
    /// </summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>
    /// The Python interpreter to run the server with (for example <c>/usr/bin/python3</c>). When set, the server's
    /// entry point is run by this interpreter rather than the command found on <c>PATH</c>.
    /// </summary>
    public string? Python { get; set; }

    /// <summary>A virtual environment; the server command is taken from its <c>bin/</c> (<c>Scripts\</c> on Windows).</summary>
    public string? Venv { get; set; }

    /// <summary>Directories put in front of <c>PYTHONPATH</c> for the child.</summary>
    public IList<string> PythonPath { get; } = new List<string>();

    /// <summary>
    /// <c>.env</c> files whose variables are set for the child, in order (a later file wins); relative paths resolve against the
    /// content root. <see cref="Environment"/> entries win over them, as <c>environment:</c> wins over <c>env_file:</c> in Compose.
    /// Their values are never logged or printed.
    /// </summary>
    public IList<string> EnvFiles { get; } = new List<string>();

    /// <summary>Environment variables set for the child, on top of the host's own environment.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// How long a graceful stop may take before the server is killed. When <see langword="null"/>, the backend's default
    /// (<see cref="ServerBackend.GetDefaultStopTimeout"/>; <see cref="DefaultStopTimeout"/> unless the server has its own
    /// graceful timeout) applies.
    /// </summary>
    public TimeSpan? StopTimeout { get; set; }

    /// <summary>The stop timeout in force: <see cref="StopTimeout"/>, or the backend's default.</summary>
    public TimeSpan EffectiveStopTimeout => StopTimeout ?? Backend.GetDefaultStopTimeout(this);

    /// <summary>For Django management commands: the <c>manage.py</c> to run, relative to the working directory. Default <c>manage.py</c>.</summary>
    public string? ManagePy { get; set; }
}
