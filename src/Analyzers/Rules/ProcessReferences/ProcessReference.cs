using Microsoft.CodeAnalysis;

namespace ProdServer.Config.Analyzers;

/// <summary>A process name a setting refers to (<c>DependsOn</c> names <c>worker</c>), and where the name is written.</summary>
internal sealed class ProcessReference(string name, string setting, Location at)
{
    /// <summary>The name referred to, as written.</summary>
    public string Name { get; } = name;

    /// <summary>The setting that refers to it, as the message names it.</summary>
    public string Setting { get; } = setting;

    /// <summary>Where the name is written.</summary>
    public Location At { get; } = at;
}
