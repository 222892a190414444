using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ProdServer.Config.Generators.Model;

/// <summary>
/// A diagnostic waiting to be reported. A <see cref="Location"/> holds its syntax tree alive and compares by reference,
/// so the pipeline carries the path and spans instead and rebuilds the location at report time.
/// </summary>
/// <param name="Id">The descriptor's ID, looked up in <see cref="DiagnosticDescriptors"/>.</param>
/// <param name="Location">Where to report it, or <see langword="null"/> for no location.</param>
/// <param name="MessageArgs">The message format arguments.</param>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.Get(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, MessageArgs.ToObjectArray());

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs) =>
        new(descriptor.Id, LocationInfo.From(location), new EquatableArray<string>(messageArgs));
}

/// <summary>The comparable parts of a source <see cref="Microsoft.CodeAnalysis.Location"/>.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Microsoft.CodeAnalysis.Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is { SourceTree: not null }
            ? new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;
}

internal static class EquatableStringArrayExtensions
{
    public static object?[] ToObjectArray(this EquatableArray<string> items)
    {
        var result = new object?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = items[i];
        }

        return result;
    }
}
