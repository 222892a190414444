using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace ProdServer.Config;

/// <summary>
/// The order in which appsettings*.json files write their processes. .NET configuration sorts keys, so
/// <c>{"zweb": …, "api": …}</c> comes back as <c>api, zweb</c>; django-prodserver starts the first key written, and so must we.
/// This reads the same JSON files the host loaded, in the host's order: a process keeps the place of the file that first
/// writes it, and a later file (appsettings.Production.json) adds its new processes after the earlier ones, as its values
/// are merged over them. Environment variables and the command line keep no order.
/// </summary>
internal static class WrittenOrder
{
    // As the JSON configuration provider reads its files.
    private static readonly JsonDocumentOptions Relaxed = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The process names under <c>ProdServer:Processes</c> in the order the JSON files write them.</summary>
    /// <param name="configuration">The host's configuration (its root, whose providers name the files).</param>
    /// <returns>The names, first written first; empty when no JSON file declares a process.</returns>
    public static IReadOnlyList<string> ProcessNames(IConfiguration? configuration)
    {
        var names = new List<string>();
        foreach (var source in JsonSources(configuration))
        {
            foreach (var name in ReadProcessNames(source))
            {
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    private static IEnumerable<FileConfigurationSource> JsonSources(IConfiguration? configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            yield break;
        }

        foreach (var provider in root.Providers)
        {
            switch (provider)
            {
                case JsonConfigurationProvider { Source: var source }:
                    yield return source;
                    break;
                case ChainedConfigurationProvider chained:
                    foreach (var inner in JsonSources(chained.Configuration))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private static List<string> ReadProcessNames(FileConfigurationSource source)
    {
        var names = new List<string>();
        var file = source.Path is null ? null : source.FileProvider?.GetFileInfo(source.Path);
        if (file is not { Exists: true, IsDirectory: false })
        {
            return names;
        }

        try
        {
            using var stream = file.CreateReadStream();
            using var document = JsonDocument.Parse(stream, Relaxed);
            if (Property(document.RootElement, "ProdServer") is { } section && Property(section, "Processes") is { ValueKind: JsonValueKind.Object } processes)
            {
                names.AddRange(processes.EnumerateObject().Select(p => p.Name));
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // The host loaded this file a moment ago; if it cannot be read again now, the order falls back to the sorted one.
        }

        return names;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? found = null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = property.Value; // the last one wins, as in the JSON provider
            }
        }

        return found;
    }
}
