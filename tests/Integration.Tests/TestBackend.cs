using System.Collections.Generic;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// A backend for engine tests: <c>/usr/bin/python3 -m MODULE WORDS…</c> in apps/ (<c>dummy</c>, or <c>gunicorn</c> with
/// its own flags), listening on <see cref="TestArgs.Port"/> when one is given.
/// </summary>
internal sealed class TestBackend(string module) : ServerBackend
{
    public static TestBackend Dummy { get; } = new("dummy");

    public static TestBackend Gunicorn { get; } = new("gunicorn");

    public override string Name => "Test-" + module;

    public override string Command => module;

    public override string InstallHint => "tests/Integration.Tests/apps";

    // As GunicornBackend plans it for gunicorn's own workers: a group stop can let the master fork a worker that misses it.
    public override System.TimeSpan? GetStopSignalRepeat(ProcessDefinition process) =>
        module == "gunicorn" ? GunicornBackend.StopSignalRepeat : null;

    public override IServerArgs CreateDefaultArgs() => new TestArgs();

    public override IReadOnlyList<SettingProblem> Validate(ProcessDefinition process) => [];

    public override IReadOnlyList<string> BuildArguments(ProcessDefinition process) => ((TestArgs)process.Args).Words;

    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process) =>
        ((TestArgs)process.Args).Port is { } port ? [new ListenEndpoint("127.0.0.1", port)] : [];

    /// <summary>Declares <paramref name="name"/> as <c>python3 -m MODULE words</c> in apps/ and returns its builder.</summary>
    public static ProcessBuilder Declare(ProdServerBuilder o, string name, TestBackend backend, int? port, params string[] words)
    {
        var process = o.Options.GetOrAdd(name, backend);
        process.Args = new TestArgs { Words = words, Port = port };
        process.App = "test";
        return o.Process(name).WorkingDirectory(Python.AppsDirectory).Python(Python.Debian);
    }
}

/// <summary>The test backend's arguments: the words after the module, and the port it listens on.</summary>
internal sealed class TestArgs : IServerArgs
{
    public IReadOnlyList<string> Words { get; init; } = [];

    public int? Port { get; init; }

    public string Command => "test";

    public IReadOnlyList<FlagInfo> Flags => [];

    public void AppendArguments(IList<string> argv)
    {
        foreach (var word in Words)
        {
            argv.Add(word);
        }
    }

    public IServerArgs Bind(ArgsConfigurationReader reader) => this;
}
