using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// Runs <c>--dry-run</c> the way a user's Program.cs does, in a fresh content root, and returns what it printed with that root
/// written as <c>&lt;root&gt;</c>, so that the output can be pinned. Tests that use it belong to the
/// <see cref="EnvironmentCollection"/>, because the output depends on the process environment (scrubbed variables).
/// </summary>
internal static class DryRunner
{
    public static Task<string> RunAsync(Action<ProdServerBuilder> configure, params string[] processes) =>
        RunAsync(configure, appSettings: null, processes);

    /// <summary>As <see cref="RunAsync(Action{ProdServerBuilder}, string[])"/>, with <paramref name="appSettings"/> as the content root's appsettings.json.</summary>
    public static async Task<string> RunAsync(Action<ProdServerBuilder> configure, string? appSettings, params string[] processes)
    {
        using var root = new TemporaryDirectory();
        if (appSettings is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(root.Path, "appsettings.json"), appSettings);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = root.Path,
        });
        builder.Services.AddProdServer(configure);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var code = await builder.Build().RunProdServerAsync([.. processes, "--dry-run"], output, error, timeout.Token);
        Environment.ExitCode = 0;

        Assert.True(code == 0, $"--dry-run exited {code}: {error}");
        return output.ToString().Replace(root.Path, "<root>", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Removes the variables matching <paramref name="patterns"/> (a trailing <c>*</c> is a prefix) until disposed, then puts them back.</summary>
    public static IDisposable WithoutVariables(IEnumerable<string> patterns) => new VariableScope(patterns, new Dictionary<string, string>());

    /// <summary>Sets <paramref name="variables"/> and removes the others matching <paramref name="patterns"/> until disposed.</summary>
    public static IDisposable WithVariables(IEnumerable<string> patterns, IDictionary<string, string> variables) => new VariableScope(patterns, variables);

    private sealed class VariableScope : IDisposable
    {
        private readonly Dictionary<string, string?> _saved = new(StringComparer.Ordinal);

        public VariableScope(IEnumerable<string> patterns, IDictionary<string, string> variables)
        {
            var list = new List<string>(patterns);
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                var name = (string)entry.Key;
                if (list.Exists(p => p.EndsWith('*') ? name.StartsWith(p[..^1], StringComparison.Ordinal) : name == p))
                {
                    Save(name);
                    Environment.SetEnvironmentVariable(name, null);
                }
            }

            foreach (var (name, value) in variables)
            {
                Save(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        private void Save(string name) => _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

/// <summary>Tests that read or change the process environment run alone, not in parallel with the rest.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment";
}
