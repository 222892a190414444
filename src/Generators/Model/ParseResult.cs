namespace ProdServer.Config.Generators.Model;

/// <summary>
/// What the parser found for one record: a model to emit, or diagnostics — never both, so a record with
/// any problem gets no half-generated code.
/// </summary>
internal sealed record ParseResult(ServerArgsModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
