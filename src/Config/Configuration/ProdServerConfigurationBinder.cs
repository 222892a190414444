using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// Binds the <c>ProdServer</c> section onto <see cref="ProdServerOptions"/>, over whatever code declared.
/// Hand-written (with generated <see cref="IServerArgs.Bind"/> for the args) rather than the reflection binder:
/// it is trim- and AOT-safe, accepts the servers' kebab-case keys, and reports unknown keys instead of ignoring them.
/// </summary>
internal static partial class ProdServerConfigurationBinder
{
    /// <summary>The keys of a process section, as the binder reads them (case-insensitively); the JSON schema and the appsettings analyzer list the same.</summary>
    internal static readonly string[] ProcessKeys = ProcessSettingKeys.All;

    /// <summary>Binds the <c>ProdServer</c> <paramref name="section"/> into <paramref name="options"/>, its problems into the options' binding errors.</summary>
    /// <param name="section">The section.</param>
    /// <param name="options">The options, with what code declared.</param>
    /// <param name="writtenOrder">The order the files wrote the processes in.</param>
    /// <param name="development">
    /// Whether the host's environment is Development, where <c>Args</c> keys of another server are left out with a note (an
    /// appsettings.Development.json that switches a process to the dev server leaves the production server's options in
    /// place) instead of being errors.
    /// </param>
    public static void Bind(IConfigurationSection section, ProdServerOptions options, IReadOnlyList<string>? writtenOrder = null, bool development = false)
    {
        ConfigurationShape.Check(section, options.SectionBindingErrors);
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "default":
                    options.DefaultProcess = child.Value;
                    break;
                case "processes":
                    if (ConfigurationShape.IsList(child) || child.Value is { Length: > 0 })
                    {
                        var written = child.Value is { } text ? $" is the value '{Names.Printable(text)}', but" : string.Empty;
                        options.SectionBindingErrors.Add($"{child.Path}{written} must be an object keyed by process name, such as \"Processes\": {{ \"web\": {{ \"Backend\": \"Waitress\", … }} }}, not a list or one string.");
                        break;
                    }

                    // A process written as one value is reported by ConfigurationShape.Check and not bound.
                    foreach (var process in InWrittenOrder(child, options, writtenOrder ?? []).Where(c => c.Value is not { Length: > 0 }))
                    {
                        options.ConfiguredProcessOrder.Add(process.Key);
                        BindProcess(process, options, development);
                    }

                    break;
                case "release":
                    if (child.Value is { Length: > 0 } || (child.GetChildren().Any() && !ConfigurationShape.IsList(child)))
                    {
                        var written = child.Value is { } text ? $" is the value '{Names.Printable(text)}', but" : string.Empty;
                        options.SectionBindingErrors.Add($"{child.Path}{written} must be an object per step in a list, such as \"Release\": [ {{ \"Name\": \"migrate\", \"Command\": [\"manage.py\", \"migrate\"] }} ], so that their order is the configured one.");
                        break;
                    }

                    foreach (var step in child.GetChildren())
                    {
                        BindReleaseStep(step, options);
                    }

                    break;
                case "rules":
                    // Read by ProductionRulesValidator (PSC#### = off|info|warning|error, MaxThreads).
                    break;
                case "ongiveup":
                    BindOnGiveUp(child, options);
                    break;
                case "logs":
                    BindLogs(child, options);
                    break;
                case "control":
                    BindControl(child, options);
                    break;
                default:
                    options.SectionBindingErrors.Add($"{child.Path} is not a ProdServer setting{Suggestions.DidYouMean(child.Key, SettingRules.SectionKeys)}; expected one of {string.Join(", ", SettingRules.SectionKeys)}.");
                    break;
            }
        }
    }

    private static void BindProcess(IConfigurationSection section, ProdServerOptions options, bool development)
    {
        var name = section.Key;
        if (string.IsNullOrWhiteSpace(name))
        {
            // Found by GeneratedConfigurationSpecs: a blank key ("ProdServer__Processes__ __App") used to throw.
            options.SectionBindingErrors.Add($"Process '{name}': a process name must not be blank ({section.Path}).");
            return;
        }

        var errors = options.BindingErrorsOf(name);
        var existing = options.Find(name);
        var backendName = section["Backend"];
        ServerBackend? backend;
        if (backendName is not null)
        {
            backend = ServerBackends.Find(DjangoProdserverBackends.ShortName(backendName) ?? backendName);
            if (backend is not null && DjangoProdserverBackends.IsClassPath(backendName))
            {
                options.BindingNotes.Add($"Process '{name}': Backend '{backendName}' is django-prodserver's class for Backend '{backend.Name}' here ({section.Path}:Backend); write \"{backend.Name}\".");
            }
            else if (backend is null && DjangoProdserverBackends.IsClassPath(backendName))
            {
                errors.Add(DjangoProdserverBackends.InsteadOf(backendName) is { } instead
                    ? $"Process '{name}': Backend '{backendName}' has no counterpart here ({section.Path}:Backend): {instead}."
                    : $"Process '{name}': Backend '{backendName}' is a django-prodserver backend with no counterpart here ({section.Path}:Backend); known backends: {string.Join(", ", ServerBackends.Names)}.");
                return;
            }
            else if (backend is null)
            {
                errors.Add($"Process '{name}': Backend '{backendName}' is unknown ({section.Path}:Backend){Suggestions.DidYouMean(backendName, ServerBackends.Names)}; known backends: {string.Join(", ", ServerBackends.Names)}.");
                return;
            }
        }
        else if (existing is not null)
        {
            backend = existing.Backend;
        }
        else
        {
            errors.Add($"Process '{name}': Backend is required ({section.Path}:Backend); known backends: {string.Join(", ", ServerBackends.Names)}.");
            return;
        }

        if (existing is not null && BackendSwitch.Said(existing, backend, $"{section.Path}:Backend") is { } dropped)
        {
            options.BindingWarnings.Add((name, dropped.Warning, dropped.InDevelopment));
        }

        var process = options.GetOrAdd(name, backend);
        foreach (var child in section.GetChildren())
        {
            if (!ProcessKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"Process '{name}': {child.Path} is not a process setting{Suggestions.DidYouMean(child.Key, ProcessKeys)}; expected one of {string.Join(", ", ProcessKeys)}.");
            }
        }

        process.App = section["App"] ?? process.App;
        process.WorkingDirectory = section["WorkingDirectory"] ?? process.WorkingDirectory;
        process.Python = section["Python"] ?? process.Python;
        process.Venv = section["Venv"] ?? process.Venv;
        process.ManagePy = section["ManagePy"] ?? process.ManagePy;
        BindPythonPath(section.GetSection("PythonPath"), process);
        BindList(section.GetSection("EnvFile"), process.EnvFiles, errors, $"Process '{name}': ", "[\"prod.env\"]");
        ConfigurationShape.BindVariables(section.GetSection("Environment"), process.Environment, errors, $"Process '{name}': ");

        if (section["StopTimeout"] is { } stop)
        {
            if (SettingRules.TryParseTime(stop, out var timeout))
            {
                process.StopTimeout = timeout;
            }
            else
            {
                errors.Add($"Process '{name}': StopTimeout '{stop}' ({section.Path}:StopTimeout) must be {SettingRules.StopTimeout.MustBe}.");
            }
        }

        BindSupervision(section, process, errors);
        var args = section.GetSection("Args"); // one string here is reported by ConfigurationShape
        if (args.Exists())
        {
            BindArgs(name, args, process, development ? options : null, errors);
        }
    }

    // .NET sorts configuration keys; the JSON files' own order decides which process is first (the default), as in
    // django-prodserver. Processes only environment variables or the command line declare have no order: they follow,
    // sorted, and are remembered so that --list can say so.
    private static IEnumerable<IConfigurationSection> InWrittenOrder(IConfigurationSection processes, ProdServerOptions options, IReadOnlyList<string> writtenOrder)
    {
        // Each ranked once and inserted in place (a stable sort of a handful of processes): OrderBy's key sorter is
        // JIT-compiled on a first start, before the server is forked.
        var ordered = new List<IConfigurationSection>();
        foreach (var child in processes.GetChildren())
        {
            if (child.Value is { Length: > 0 })
            {
                continue;
            }

            var rank = Rank(child.Key, writtenOrder);
            if (rank == int.MaxValue && options.Find(child.Key) is null)
            {
                options.UnorderedProcesses.Add(child.Key);
            }

            var at = ordered.Count;
            while (at > 0 && Rank(ordered[at - 1].Key, writtenOrder) > rank)
            {
                at--; // the unordered (int.MaxValue) keep .NET's sorted order among themselves
            }

            ordered.Insert(at, child);
        }

        return ordered;
    }

    private static int Rank(string name, IReadOnlyList<string> writtenOrder)
    {
        for (var i = 0; i < writtenOrder.Count; i++)
        {
            if (string.Equals(writtenOrder[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    // An array, so the order is the configured one: ProdServer:Release:0:Name = migrate, …:Command:0 = manage.py.
    private static void BindReleaseStep(IConfigurationSection section, ProdServerOptions options)
    {
        var keys = SettingRules.ReleaseStepKeys;
        foreach (var child in section.GetChildren().Where(c => !keys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            options.SectionBindingErrors.Add($"{child.Path} is not a release step setting; expected one of {string.Join(", ", keys)}.");
        }

        var name = section["Name"];
        if (string.IsNullOrWhiteSpace(name))
        {
            options.SectionBindingErrors.Add($"Release step {section.Path}: Name is required ({section.Path}:Name).");
            return;
        }

        var step = new ReleaseStep(name) { Python = section["Python"], WorkingDirectory = section["WorkingDirectory"] };
        var owner = $"Release step {section.Path}: ";
        BindList(section.GetSection("Command"), step.Command, options.SectionBindingErrors, owner, "[\"manage.py\", \"migrate\", \"--noinput\"]", allowScalar: false);
        ConfigurationShape.BindVariables(section.GetSection("Environment"), step.Environment, options.SectionBindingErrors, owner);

        options.ReleaseSteps.Add(step);
    }

    // One value (when allowed), or an array of them; any other shape is an error naming the key.
    private static void BindList(IConfigurationSection section, IList<string> list, List<string> errors, string owner, string example, bool allowScalar = true)
    {
        foreach (var item in ConfigurationShape.ListItems(section, errors, owner, example, allowScalar))
        {
            list.Add(item);
        }
    }

    // Either an array (PythonPath:0, PythonPath:1) or one string in the platform's PYTHONPATH syntax.
    private static void BindPythonPath(IConfigurationSection section, ProcessDefinition process)
    {
        if (section.Value is { } joined)
        {
            foreach (var path in joined.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                process.PythonPath.Add(path);
            }
        }

        foreach (var item in section.GetChildren())
        {
            if (item.Value is { } path)
            {
                process.PythonPath.Add(path);
            }
        }
    }
}
