using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProdServer.Config.Analyzers.Json;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The <c>ProdServer:Processes</c> sections of the app's settings files, and the backend each is for as the host resolves
/// it: the section's own <c>Backend</c>; for an environment's file (<c>appsettings.Production.json</c>), which the host
/// reads over <c>appsettings.json</c>, the one that file names; else the one set in code (<see cref="CodeDeclaredBackends"/>).
/// One per compilation: each file is parsed once, though the additional-file action, the compilation-end action and every
/// environment's file (for what it inherits) all read it.
/// </summary>
internal sealed class AppSettingsSections(ImmutableArray<AdditionalText> additionalFiles)
{
    private const string BaseFile = "appsettings.json";

    private readonly ConcurrentDictionary<string, File?> _parsed = new(StringComparer.Ordinal);

    /// <summary>One settings file, parsed: its text (for locations) and its <c>ProdServer</c> object.</summary>
    public sealed class File(string path, SourceText text, JsonObject prodServer)
    {
        /// <summary>The file's path.</summary>
        public string Path { get; } = path;

        /// <summary>The file's text.</summary>
        public SourceText Text { get; } = text;

        /// <summary>Its <c>ProdServer</c> object.</summary>
        public JsonObject ProdServer { get; } = prodServer;

        /// <summary>The <c>Processes</c> object's sections, by process name; none when it has no such object.</summary>
        public IEnumerable<(string Name, JsonObject Section)> Processes()
        {
            if (ProdServer.Find("Processes")?.Value is not JsonObject processes)
            {
                yield break;
            }

            foreach (var process in processes.Properties)
            {
                if (process.Value is JsonObject section)
                {
                    yield return (process.Name, section);
                }
            }
        }

        /// <summary>Where <paramref name="at"/> is written in this file.</summary>
        public Location LocationOf(JsonNode at)
        {
            var span = TextSpan.FromBounds(at.Start, at.End);
            return Location.Create(Path, span, Text.Lines.GetLinePositionSpan(span));
        }
    }

    /// <summary>Whether <paramref name="path"/> is <c>appsettings.json</c> itself, which the environments' files are read over.</summary>
    public static bool IsBaseFile(string path) => string.Equals(System.IO.Path.GetFileName(path), BaseFile, StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="file"/> parsed, or <see langword="null"/> when it is no settings file or has no <c>ProdServer</c> object.</summary>
    public File? Read(AdditionalText file, CancellationToken cancellationToken) =>
        AppSettingsAnalyzer.IsAppSettings(file.Path) ? _parsed.GetOrAdd(file.Path, _ => Parse(file, cancellationToken)) : null;

    private static File? Parse(AdditionalText file, CancellationToken cancellationToken) =>
        file.GetText(cancellationToken) is { } text && JsonReader.TryParse(text.ToString()) is JsonObject root && root.Find("ProdServer")?.Value is JsonObject prodServer
            ? new File(file.Path, text, prodServer)
            : null;

    /// <summary>The <c>Backend</c> a section writes, as its JSON value (a string), or <see langword="null"/>.</summary>
    public static JsonScalar? WrittenBackend(JsonObject section) =>
        section.Find("Backend")?.Value as JsonScalar is { Kind: JsonScalarKind.String } written ? written : null;

    /// <summary>
    /// The backends <c>appsettings.json</c> beside <paramref name="file"/> names, by process name, which an environment's
    /// file inherits; empty for <c>appsettings.json</c> itself, or when there is none.
    /// </summary>
    public IReadOnlyDictionary<string, string> InheritedBackends(AdditionalText file, CancellationToken cancellationToken)
    {
        var inherited = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (BaseOf(file, cancellationToken) is { } baseFile)
        {
            foreach (var (name, section) in baseFile.Processes())
            {
                if (WrittenBackend(section) is { } written)
                {
                    inherited[name] = written.Text;
                }
            }
        }

        return inherited;
    }

    /// <summary>
    /// The <c>appsettings.json</c> beside <paramref name="file"/>, which the host reads first, when <paramref name="file"/>
    /// is an environment's file; <see langword="null"/> for <c>appsettings.json</c> itself, or when there is none.
    /// </summary>
    public File? BaseOf(AdditionalText file, CancellationToken cancellationToken)
    {
        if (IsBaseFile(file.Path))
        {
            return null;
        }

        var folder = System.IO.Path.GetDirectoryName(file.Path);
        foreach (var other in additionalFiles)
        {
            if (IsBaseFile(other.Path)
                && string.Equals(System.IO.Path.GetDirectoryName(other.Path), folder, StringComparison.Ordinal)
                && Read(other, cancellationToken) is { } baseFile)
            {
                return baseFile;
            }
        }

        return null;
    }
}
