namespace ProdServer.Config.Generators.Model;

/// <summary>An enum used by at least one flag; the emitter writes one spelling and one parse function for it.</summary>
/// <param name="Key">A C# identifier unique within the record, used to name the helper functions.</param>
/// <param name="FullyQualifiedName">The enum's <c>global::</c> name.</param>
/// <param name="DisplayName">The enum's short name, for messages.</param>
/// <param name="Members">The members in declaration order.</param>
internal sealed record EnumModel(
    string Key,
    string FullyQualifiedName,
    string DisplayName,
    EquatableArray<EnumMemberModel> Members);

/// <summary>One enum member.</summary>
/// <param name="Name">The member name as text, accepted when parsing.</param>
/// <param name="Identifier">The member name as a C# identifier.</param>
/// <param name="Spelling">What the server expects: <c>[ServerValue]</c> or the kebab-cased name.</param>
/// <param name="IsAlias">
/// <see langword="true"/> when an earlier member has the same value; aliases are accepted when parsing but cannot
/// have their own case when spelling (the switch would not compile).
/// </param>
internal sealed record EnumMemberModel(string Name, string Identifier, string Spelling, bool IsAlias);
