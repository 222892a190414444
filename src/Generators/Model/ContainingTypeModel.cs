namespace ProdServer.Config.Generators.Model;

/// <summary>A type the record is nested in, re-opened by the generated file.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="NameWithTypeParameters">The name as declared, for example <c>Outer&lt;T&gt;</c>.</param>
internal sealed record ContainingTypeModel(string Keyword, string NameWithTypeParameters);
