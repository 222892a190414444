using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// Translates django-prodserver's <c>PRODUCTION_PROCESSES</c> (as <see cref="DjangoSettingsReader"/> read it) into processes
/// here. There is no second translation table: each process becomes the configuration keys a user would paste
/// (<c>BACKEND</c>, <c>APP</c>, <c>ARGS</c>) and goes through <see cref="ProdServerConfigurationBinder"/>, so class paths,
/// aliases, comma lists and <c>no-x</c> keys mean exactly what they mean in appsettings.json, and every key the binder
/// refuses is reported with its reason. The typed values come from the same generated binder, observed.
/// </summary>
internal static partial class DjangoProdserverImporter
{
    private const string Root = ProdServerOptions.SectionName;

    /// <summary>Translates <paramref name="snapshot"/>'s processes.</summary>
    /// <param name="snapshot">The settings read.</param>
    /// <param name="place">Where and with which Python every process runs.</param>
    /// <returns>The result.</returns>
    /// <exception cref="DjangoSettingsException">The settings have no <c>PRODUCTION_PROCESSES</c> dict.</exception>
    public static ImportResult Translate(DjangoSettingsSnapshot snapshot, ImportedPlace place)
    {
        if (snapshot.Processes is not { } processes)
        {
            throw new DjangoSettingsException(snapshot.HasLegacyProcesses
                ? $"the settings module '{snapshot.SettingsModule}' has PROD_SERVERS, django-prodserver 0.0.1's name, and no PRODUCTION_PROCESSES: " +
                  "rename it to PRODUCTION_PROCESSES with each ARGS as a dict ({\"bind\": \"0.0.0.0:8000\"} for [\"--bind=0.0.0.0:8000\"]), " +
                  "as django-prodserver 1.0 and later read it, and import again."
                : $"the settings module '{snapshot.SettingsModule}' has no PRODUCTION_PROCESSES: nothing to import.");
        }

        if (!PythonValue.IsDict(processes))
        {
            throw new DjangoSettingsException($"PRODUCTION_PROCESSES in '{snapshot.SettingsModule}' is {PythonValue.Describe(processes)}, not a dict of processes.");
        }

        var dropped = new List<string>();
        var notes = new List<string>();
        if (place.Interpreter.Note is { } interpreterNote)
        {
            notes.Add(interpreterNote);
        }

        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (key, spec) in PythonValue.Items(processes))
        {
            if (ProcessName(key, order, dropped) is { } name && Flatten(snapshot, name, spec, keys, dropped, notes))
            {
                order.Add(name);
            }
        }

        EnvironmentReadNotes.Add(snapshot.EnvironmentReads, keys, notes);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var options = new ProdServerOptions();
        ProdServerConfigurationBinder.Bind(configuration.GetSection(Root), options, order);
        dropped.AddRange(options.BindingErrors.Select(e => e + " Not imported."));
        var imported = new List<ImportedProcess>();
        foreach (var process in options.Processes)
        {
            var args = ObservedArgs(configuration.GetSection($"{Root}:Processes:{process.Name}:Args"), process.Backend);
            imported.Add(new ImportedProcess(
                process.Name, process.Backend, process.App, args, place.Environment, place.WorkingDirectory, place.Interpreter.Python, place.Interpreter.Venv));
            foreach (var problem in process.Backend.Validate(process))
            {
                notes.Add($"Process '{process.Name}': {problem.Key}: {Names.Printable(problem.Message, 300)} (imported as it is; fix it before starting, --check says the same).");
            }

            // What the build and a Production start will warn about, said now, while the user is looking at the import.
            foreach (var finding in ProductionRulesValidator.Evaluate(process, new RuleContext(), shutdownTimeout: null))
            {
                notes.Add($"Process '{process.Name}': {finding.Rule.Id}: {Names.Printable(finding.Message, 300)} ({finding.Rule.HelpLink}; imported as it is, the build and a Production start report it too).");
            }
        }

        return new ImportResult(imported, dropped, notes);
    }

    // An app written as an import string (mysite.wsgi.application, as django-prodserver writes one for Celery) as the
    // module:object target a server takes; one that is a target already stays.
    private static string Target(string app) => app.Contains(':', StringComparison.Ordinal) ? app : DjangoSettingsSnapshot.AppTarget(app);

    // Python dict keys are data: a name here must be a valid process name, and unique in any case (configuration keys are not case-sensitive).
    private static string? ProcessName(JsonElement key, List<string> order, List<string> dropped)
    {
        if (key.ValueKind != JsonValueKind.String || key.GetString() is not { } name)
        {
            dropped.Add($"PRODUCTION_PROCESSES key {PythonValue.Describe(key)}: a process name must be a string. Not imported.");
            return null;
        }

        if (Names.NameProblem(name) is { } problem)
        {
            dropped.Add($"Process '{Names.Printable(name)}': {problem}. Not imported.");
            return null;
        }

        if (order.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            dropped.Add($"Process '{name}': a second process of that name in another case; names are not case-sensitive here. Not imported.");
            return null;
        }

        return name;
    }

    // The process as configuration keys (ProdServer:Processes:NAME:Backend, …:App, …:Args:KEY[:i]).
    private static bool Flatten(DjangoSettingsSnapshot snapshot, string name, JsonElement spec, Dictionary<string, string?> keys, List<string> dropped, List<string> notes)
    {
        if (!PythonValue.IsDict(spec))
        {
            dropped.Add($"Process '{name}': is {PythonValue.Describe(spec)}, not a dict with BACKEND and ARGS. Not imported.");
            return false;
        }

        var prefix = $"{Root}:Processes:{name}:";
        foreach (var (key, _) in PythonValue.Items(spec).Where(k => k.Key.ValueKind != JsonValueKind.String || k.Key.GetString() is not ("BACKEND" or "APP" or "ARGS")))
        {
            dropped.Add($"Process '{name}': key {PythonValue.Describe(key)} is not a django-prodserver process key (BACKEND, APP, ARGS), so django-prodserver ignores it too. Not imported.");
        }

        if (PythonValue.Get(spec, "BACKEND") is not { ValueKind: JsonValueKind.String } backendValue || backendValue.GetString() is not { Length: > 0 } backendName)
        {
            dropped.Add($"Process '{name}': BACKEND is {(PythonValue.Get(spec, "BACKEND") is { } b ? PythonValue.Describe(b) : "missing")}; it must name a backend class. Not imported.");
            return false;
        }

        keys[prefix + "Backend"] = backendName;
        var backend = ServerBackends.Find(DjangoProdserverBackends.ShortName(backendName) ?? backendName);
        var app = PythonValue.Get(spec, "APP");
        if (app is not null && backend is { LaunchKind: LaunchKind.DjangoManage } and not DjangoDevServerBackend)
        {
            notes.Add($"Process '{name}': APP {PythonValue.Describe(app.Value)} is left out: {backend.Name} finds the project through manage.py, and django-prodserver ignores APP for it too.");
        }
        else if (app is { ValueKind: JsonValueKind.String } && app.Value.GetString() is { Length: > 0 } appText)
        {
            if (backend is not null && DjangoApplicationSetting.For(backend) is { } setting)
            {
                // django-prodserver's web backends never read APP: they serve the settings' application. That is imported;
                // APP only where the settings name none (django-prodserver could not serve it then), as a module:object target.
                if (snapshot.Application(setting) is { } fromSettings)
                {
                    var served = DjangoSettingsSnapshot.AppTarget(fromSettings);
                    keys[prefix + "App"] = served;
                    notes.Add(served == Target(appText)
                        ? $"Process '{name}': App '{Names.Printable(served)}' is {setting} '{Names.Printable(fromSettings)}' from the settings, as django-prodserver serves it (its APP names the same)."
                        : $"Process '{name}': App '{Names.Printable(served)}' is {setting} '{Names.Printable(fromSettings)}' from the settings, as django-prodserver serves it; its APP '{Names.Printable(appText)}' is left out: django-prodserver ignores APP for {backend.Name}.");
                }
                else
                {
                    keys[prefix + "App"] = Target(appText);
                    notes.Add($"Process '{name}': App is APP '{Names.Printable(appText)}' as '{Names.Printable(Target(appText))}': the settings have no {setting}, which django-prodserver would have served instead.");
                }
            }
            else
            {
                keys[prefix + "App"] = appText;
            }
        }
        else if (app is { ValueKind: not JsonValueKind.Null })
        {
            dropped.Add($"Process '{name}': APP is {PythonValue.Describe(app.Value)}, not an app path. Not imported.");
        }
        else if (backend is not null && DjangoApplicationSetting.For(backend) is { } setting)
        {
            if (snapshot.Application(setting) is { } fromSettings)
            {
                keys[prefix + "App"] = DjangoSettingsSnapshot.AppTarget(fromSettings);
                notes.Add($"Process '{name}': App '{Names.Printable(DjangoSettingsSnapshot.AppTarget(fromSettings))}' is {setting} '{Names.Printable(fromSettings)}' from the settings, as django-prodserver serves it.");
            }
            else
            {
                dropped.Add($"Process '{name}': APP is not set and the settings have no {setting}, so there is no app to serve; set one of them. App not imported.");
            }
        }

        switch (PythonValue.Get(spec, "ARGS"))
        {
            case null or { ValueKind: JsonValueKind.Null }:
                break;
            case { } args when PythonValue.IsDict(args):
                FlattenArgs(name, args, prefix + "Args:", keys, dropped);
                break;
            case { ValueKind: JsonValueKind.String } args when OneFlag(args.GetString()!) is var (flag, value):
                // django-prodserver passes the string as one argument: "--bind=0.0.0.0:8000" is that one flag exactly.
                keys[prefix + "Args:" + flag] = value;
                notes.Add($"Process '{name}': ARGS {PythonValue.Describe(args)} is one flag, imported as the ARGS key \"{flag}\".");
                break;
            case { } args:
                dropped.Add($"Process '{name}': ARGS is {PythonValue.Describe(args)}; django-prodserver passes a string as one argument, which cannot be checked here: write it as ARGS keys (or Args:ExtraArgs). Not imported.");
                break;
        }

        AddrPortAsApp(name, backend, prefix, keys, notes);
        return true;
    }

    // django-prodserver's runserver takes its address as the ARGS key "addrport"; here the address is the process's App.
    private static void AddrPortAsApp(string name, ServerBackend? backend, string prefix, Dictionary<string, string?> keys, List<string> notes)
    {
        var key = prefix + "Args:addrport";
        if (backend is not DjangoDevServerBackend || !keys.TryGetValue(key, out var address))
        {
            return;
        }

        keys.Remove(key);
        if (keys.ContainsKey(prefix + "App"))
        {
            notes.Add($"Process '{name}': ARGS addrport {Quoted.Value(address)} is left out: APP gives the address already.");
            return;
        }

        keys[prefix + "App"] = address;
        notes.Add($"Process '{name}': ARGS addrport {Quoted.Value(address)} is the process's App here, the address runserver listens on.");
    }

    // "--name=value" or "--name" (a switch, true), with a plain flag name and no control character: what a server reads as
    // one flag from one argument ("--name=a b" too: the value is "a b"). Anything else (several flags, short options, positional words) is not translated.
    private static (string Flag, string Value)? OneFlag(string text)
    {
        // A value holding " -" is several flags written as one string, which the server would read as one odd value.
        var match = OneFlagPattern().Match(text);
        return match.Success && !match.Groups["value"].Value.Contains(" -", StringComparison.Ordinal)
            ? (match.Groups["flag"].Value, match.Groups["value"].Success ? match.Groups["value"].Value : "True")
            : null;
    }

    [GeneratedRegex("^--(?<flag>[A-Za-z0-9][A-Za-z0-9_-]{0,99})(?:=(?<value>[^\\x00-\\x1f\\x7f]*))?\\z")]
    private static partial Regex OneFlagPattern();

    private static void FlattenArgs(string name, JsonElement args, string prefix, Dictionary<string, string?> keys, List<string> dropped)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyValue, value) in PythonValue.Items(args))
        {
            var what = $"Process '{name}': ARGS key {PythonValue.Describe(keyValue)}";
            if (keyValue.ValueKind != JsonValueKind.String || keyValue.GetString() is not { Length: > 0 } key)
            {
                dropped.Add($"{what} is not a flag name. Not imported.");
                continue;
            }

            // ':' separates configuration sections, and the rest could never be a server's flag name.
            if (key.Any(c => c == ':' || char.IsControl(c) || char.IsWhiteSpace(c)) || key.Length > 200)
            {
                dropped.Add($"{what} is not a flag name (':', white space or control characters, or too long). Not imported.");
                continue;
            }

            if (!seen.Add(key))
            {
                dropped.Add($"{what} is given twice in different case; keys are not case-sensitive here, keep one. Not imported.");
                continue;
            }

            if (PythonValue.Scalar(value) is { } scalar)
            {
                keys[prefix + key] = scalar;
            }
            else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value.EnumerateArray().All(v => PythonValue.Scalar(v) is not null))
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    keys[prefix + key + ":" + (i++).ToString(CultureInfo.InvariantCulture)] = PythonValue.Scalar(item);
                }
            }
            else
            {
                var why = value.ValueKind switch
                {
                    JsonValueKind.Null => $"None: django-prodserver would pass --{Names.Printable(key)}=None",
                    JsonValueKind.Array => "a list that is empty or holds more than plain values",
                    _ => $"{PythonValue.Describe(value)}, not a value a flag can take",
                };
                dropped.Add($"{what} is {why}. Not imported.");
            }
        }
    }

    // The binder once more on the process's Args, now observed: property → the parsed value, last one read wins.
    private static List<KeyValuePair<string, object>> ObservedArgs(IConfigurationSection args, ServerBackend backend)
    {
        var values = new List<KeyValuePair<string, object>>();
        var reader = new ArgsConfigurationReader(args, ArgAliases.For(backend))
        {
            Observer = (property, value) =>
            {
                values.RemoveAll(v => v.Key == property);
                values.Add(new(property, value));
            },
        };
        _ = backend.CreateDefaultArgs().Bind(reader);

        // Two spellings of one flag ('loglevel' and 'log-level'): the binder refused the pair and the message says neither
        // is imported, so neither is written (the one that was read depended on the order of the spellings, not the dict's).
        values.RemoveAll(v => reader.Conflicting.Contains(v.Key));
        return values;
    }
}
