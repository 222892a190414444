using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The settings files one environment's host reads, in the order it reads them: <c>appsettings.json</c>, then
/// <c>appsettings.{Environment}.json</c> over it. <c>appsettings.json</c> alone stands for every environment without a
/// file of its own (Production, usually). A check of what the merged configuration holds judges each of these, as
/// start-up judges the one it runs in, not the union of the files: a process declared only in
/// <c>appsettings.Development.json</c> is not there in Production.
/// </summary>
internal sealed class SettingsEnvironment
{
    private const string WithoutAFile = "every environment without a settings file of its own";

    private SettingsEnvironment(string name, IReadOnlyList<AppSettingsSections.File> files)
    {
        Name = name;
        Files = files;
    }

    /// <summary>The environment, as a message names it: <c>Development</c>, or the environments without a file of their own.</summary>
    public string Name { get; }

    /// <summary>Its files with a <c>ProdServer</c> section, <c>appsettings.json</c> first.</summary>
    public IReadOnlyList<AppSettingsSections.File> Files { get; }

    /// <summary>What the environment reads, for a message: <c>code, appsettings.json and appsettings.Development.json (Development)</c>.</summary>
    public string Describe()
    {
        var sources = new[] { "code" }.Concat(Files.Select(f => System.IO.Path.GetFileName(f.Path))).ToList();
        var listed = sources.Count == 1 ? sources[0] : string.Join(", ", sources.Take(sources.Count - 1)) + " and " + sources[sources.Count - 1];
        return $"{listed} ({Name})";
    }

    /// <summary>
    /// The environments of the settings files among <paramref name="additionalFiles"/>, per folder (the package adds the
    /// project folder's): the one of <c>appsettings.json</c> alone first, then each environment's file over it. With no
    /// settings file at all, one environment of code alone.
    /// </summary>
    public static IReadOnlyList<SettingsEnvironment> Of(ImmutableArray<AdditionalText> additionalFiles, AppSettingsSections sections, CancellationToken cancellationToken)
    {
        var environments = new List<SettingsEnvironment>();
        var folders = additionalFiles.Where(f => AppSettingsAnalyzer.IsAppSettings(f.Path))
            .GroupBy(f => System.IO.Path.GetDirectoryName(f.Path), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var baseText = folder.FirstOrDefault(f => AppSettingsSections.IsBaseFile(f.Path));
            var baseFile = baseText is null ? null : sections.Read(baseText, cancellationToken);
            environments.Add(new SettingsEnvironment(WithoutAFile, baseFile is null ? [] : [baseFile]));
            foreach (var text in folder.Where(f => !AppSettingsSections.IsBaseFile(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                // A file without a ProdServer section changes nothing of appsettings.json's: its environment is the one above.
                if (sections.Read(text, cancellationToken) is { } file)
                {
                    environments.Add(new SettingsEnvironment(EnvironmentOf(file.Path), baseFile is null ? [file] : [baseFile, file]));
                }
            }
        }

        if (environments.Count == 0)
        {
            environments.Add(new SettingsEnvironment(WithoutAFile, []));
        }

        return environments;
    }

    // appsettings.Development.json → Development, as the host names the file after its environment.
    private static string EnvironmentOf(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var dot = name.IndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? name : name.Substring(dot + 1);
    }
}
