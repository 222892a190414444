using System;

namespace ProdServer.Config;

/// <summary>Declares one production process: its backend, app and how it is started.</summary>
public sealed partial class ProcessBuilder
{
    private readonly ProdServerOptions _options;

    internal ProcessBuilder(ProdServerOptions options, string name)
    {
        _options = options;
        Name = name;
    }

    /// <summary>The process name.</summary>
    public string Name { get; }

    /// <summary>Runs this process with <paramref name="backend"/>.</summary>
    /// <typeparam name="TArgs">The backend's args record.</typeparam>
    /// <param name="backend">The backend.</param>
    /// <param name="app">The application target.</param>
    /// <param name="configure">Sets the server's options.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Use<TArgs>(ServerBackend<TArgs> backend, string app, Func<TArgs, TArgs>? configure = null)
        where TArgs : class, IServerArgs, new()
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentException.ThrowIfNullOrWhiteSpace(app);
        var process = _options.GetOrAdd(Name, backend);
        process.App = app;
        if (configure is not null)
        {
            process.Args = configure((TArgs)process.Args) ?? throw new InvalidOperationException(
                $"Process '{Name}': the {backend.Name} configure callback returned null; return the args, e.g. w => w with {{ Port = 8000 }}.");
        }

        return this;
    }

    /// <summary>
    /// Runs this process with <paramref name="backend"/>, a server that takes no application target (a Django management
    /// command such as <c>db_worker</c>, which finds the project through <c>manage.py</c>). Any app set before is cleared.
    /// </summary>
    /// <typeparam name="TArgs">The backend's args record.</typeparam>
    /// <param name="backend">The backend.</param>
    /// <param name="configure">Sets the server's options.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Use<TArgs>(ServerBackend<TArgs> backend, Func<TArgs, TArgs>? configure = null)
        where TArgs : class, IServerArgs, new()
    {
        ArgumentNullException.ThrowIfNull(backend);
        var process = _options.GetOrAdd(Name, backend);
        process.App = null;
        if (configure is not null)
        {
            process.Args = configure((TArgs)process.Args) ?? throw new InvalidOperationException(
                $"Process '{Name}': the {backend.Name} configure callback returned null; return the args, e.g. a => a with {{ Verbosity = DjangoVerbosity.Verbose }}.");
        }

        return this;
    }

    /// <summary>Sets the directory the server starts in (the app module is imported relative to it).</summary>
    /// <param name="path">An absolute path, or one relative to the host's content root.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder WorkingDirectory(string path) => Set(p => p.WorkingDirectory = path);

    /// <summary>Runs the server's entry point with this Python interpreter, for example <c>/usr/bin/python3</c>.</summary>
    /// <param name="interpreter">The interpreter's path or command name.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Python(string interpreter) => Set(p => p.Python = interpreter);

    /// <summary>Takes the server command from this virtual environment.</summary>
    /// <param name="path">The virtual environment's directory.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Venv(string path) => Set(p => p.Venv = path);

    /// <summary>Puts a directory in front of the child's <c>PYTHONPATH</c>.</summary>
    /// <param name="path">The directory.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder PythonPath(string path) => Set(p => p.PythonPath.Add(path));

    /// <summary>Adds a <c>.env</c> file whose variables are set for the child (values are never logged).</summary>
    /// <param name="path">The file; relative to the content root.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder EnvFile(string path) => Set(p => p.EnvFiles.Add(path));

    /// <summary>Sets an environment variable for the child.</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder Environment(string name, string value) => Set(p => p.Environment[name] = value);

    /// <summary>For Django management commands: the <c>manage.py</c> to run, relative to the working directory.</summary>
    /// <param name="path">The path of <c>manage.py</c>.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder ManagePy(string path) => Set(p => p.ManagePy = path);

    /// <summary>Sets how long a graceful stop may take before the server is killed.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>This builder, so that additional calls can be chained.</returns>
    public ProcessBuilder StopTimeout(TimeSpan timeout) => Set(p => p.StopTimeout = timeout);

    private ProcessBuilder Set(Action<ProcessDefinition> change)
    {
        var process = _options.Find(Name) ?? throw new InvalidOperationException(
            $"Process '{Name}' has no backend yet: call UseWaitress(...) (or another Use method) first.");
        change(process);
        return this;
    }
}
