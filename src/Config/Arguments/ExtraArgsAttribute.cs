using System;

namespace ProdServer.Config;

/// <summary>
/// Marks a list-of-strings property whose entries are appended verbatim after every typed flag:
/// the escape hatch for flags a newer server adds. Each entry must start with <c>--</c> and contain no line break.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ExtraArgsAttribute : Attribute
{
}
