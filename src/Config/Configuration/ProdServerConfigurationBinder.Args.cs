using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>Binds a process's <c>Args</c> section, with the aliases its server's users know and hints for the keys it lacks.</summary>
internal static partial class ProdServerConfigurationBinder
{
    // name: the process's key as written here (WEB), so that each message quotes the key it names. inDevelopment: the
    // options whose notes take another server's keys, left out there (see Bind); null elsewhere, where they are errors.
    private static void BindArgs(string name, IConfigurationSection args, ProcessDefinition process, ProdServerOptions? inDevelopment, List<string> errors)
    {
        var anotherServersKeys = new List<string>();
        var reader = new ArgsConfigurationReader(args, ArgAliases.For(process.Backend));
        CheckInterface(name, reader, process, errors);
        process.Args = process.Args.Bind(reader);
        errors.AddRange(reader.Errors.Select(e => $"Process '{name}': {e}"));
        foreach (var key in reader.UnknownKeys)
        {
            var last = key[(key.LastIndexOf(':') + 1)..];
            var hint = ForeignOptionHint.Describe(last, process.Backend, out var anotherServers);
            if (hint is null)
            {
                errors.Add($"Process '{name}': {key} is not an option of {process.Backend.Command}{Suggestions.DidYouMean(last, process.Args.Flags.Where(f => f.Name.Length > 0).Select(f => f.Property))}; see the {process.Args.GetType().Name} properties, or use ExtraArgs for a flag newer than this SDK.");
            }
            else if (anotherServers && inDevelopment is not null)
            {
                anotherServersKeys.Add(last);
            }
            else
            {
                errors.Add($"Process '{name}': {key} is not an option of {process.Backend.Command}; {hint}.");
            }
        }

        if (anotherServersKeys.Count > 0)
        {
            var backend = process.Backend.Name;
            var note = $"Backend {backend} has no {string.Join(", ", anotherServersKeys)} (another server's options, under {args.Path}): "
                + $"left out in Development, where the Backend is {backend}; they apply in the other environments.";
            inDevelopment!.BindingWarnings.Add((name, note, note)); // said as a note: these options are always bound in Development
        }
    }

    // Granian's Python API and uvicorn's --interface take the calling convention; here the Backend chooses it (Granian and
    // Uvicorn: asgi, GranianWsgi and UvicornWsgi: wsgi). A value that agrees is taken as said already; another one names
    // the Backend that serves it, rather than "not an option" and an ExtraArgs that refuses --interface too.
    private static void CheckInterface(string name, ArgsConfigurationReader reader, ProcessDefinition process, List<string> errors)
    {
        if (process.Backend is UvicornBackend uvicorn && reader.Claim("interface") is { } asked)
        {
            var value = asked.Value?.Trim().ToLowerInvariant();
            var agrees = uvicorn.IsWsgi ? value == "wsgi" : value is "auto" or "asgi3";
            if (!agrees)
            {
                var use = value switch
                {
                    "wsgi" => "\"Backend\": \"UvicornWsgi\"",
                    "auto" or "asgi3" => "\"Backend\": \"Uvicorn\"",
                    "asgi2" => "\"Backend\": \"Uvicorn\", which lets uvicorn tell ASGI 3 from ASGI 2 (Django's application is ASGI 3)",
                    _ => "\"Backend\": \"Uvicorn\" (ASGI) or \"UvicornWsgi\" (WSGI)",
                };
                errors.Add($"Process '{name}': {asked.Path} is '{asked.Value}', but Backend '{uvicorn.Name}' chooses the interface: use {use}, without interface.");
            }

            return;
        }

        if (process.Backend is not GranianBackend granian || reader.Claim("interface") is not { } section)
        {
            return;
        }

        var wanted = granian.IsWsgi ? "wsgi" : "asgi";
        if (!string.Equals(section.Value?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
        {
            var other = section.Value?.Trim().ToLowerInvariant() switch
            {
                "wsgi" => "\"Backend\": \"GranianWsgi\"",
                "asgi" => "\"Backend\": \"Granian\"",
                _ => "\"Backend\": \"Granian\" (asgi) or \"GranianWsgi\" (wsgi); rsgi is not supported",
            };
            errors.Add($"Process '{name}': {section.Path} is '{section.Value}', but Backend '{granian.Name}' serves {wanted}: the Backend chooses the interface; use {other}.");
        }
    }
}
