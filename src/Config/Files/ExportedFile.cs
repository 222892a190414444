namespace ProdServer.Config;

/// <summary>One file written by an export.</summary>
/// <param name="Name">The file name, relative to the output directory.</param>
/// <param name="Content">The file's text.</param>
public sealed record ExportedFile(string Name, string Content);
