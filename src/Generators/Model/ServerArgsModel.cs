namespace ProdServer.Config.Generators.Model;

/// <summary>Everything the emitter needs for one valid <c>[ServerArgs]</c> record. Holds no Roslyn objects, so it compares by value.</summary>
/// <param name="HintName">The generated file's name, <c>Namespace.Type.Args.g.cs</c>.</param>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="NameWithTypeParameters">The record's name as declared, for example <c>WaitressArgs</c>.</param>
/// <param name="Command">The server command from <c>[ServerArgs]</c>.</param>
/// <param name="Flags">The flags in declaration order, extra arguments last.</param>
/// <param name="Enums">The enums the flags use, in order of first use.</param>
/// <param name="HidesBase">
/// <see langword="true"/> when a base record is also <c>[ServerArgs]</c>: its public <c>ServerFlags</c> and
/// <c>AppendArguments</c> are then hidden with <c>new</c>, which would otherwise be warning CS0108 in user code.
/// </param>
/// <param name="Builders">The <c>[ServerBuilder]</c> methods to emit, in declaration order; empty for most records.</param>
/// <param name="BuilderClassName">The static class that holds them, <c>WaitressBuilderExtensions</c> for <c>WaitressArgs</c>.</param>
/// <param name="IsPublic">Whether the record is public, so that its builder class is too.</param>
/// <param name="Aliases">The record's <c>[ArgAlias]</c> keys, in declaration order; only those naming one of its flags.</param>
/// <param name="Positional">The <c>[PositionalArgs]</c> property, written after every flag; <see langword="null"/> for most records.</param>
internal sealed record ServerArgsModel(
    string HintName,
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string NameWithTypeParameters,
    string Command,
    EquatableArray<FlagModel> Flags,
    EquatableArray<EnumModel> Enums,
    bool HidesBase,
    EquatableArray<BuilderModel> Builders,
    string BuilderClassName,
    bool IsPublic,
    EquatableArray<AliasModel> Aliases = default,
    FlagModel? Positional = null);

/// <summary>One <c>[ArgAlias]</c>: another configuration key for a flag.</summary>
/// <param name="Alias">The other key as declared, for example <c>preload_app</c>.</param>
/// <param name="Flag">The flag's name, for example <c>preload</c>.</param>
internal sealed record AliasModel(string Alias, string Flag);
