using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Typed options of one server command. Implemented by the source generator for every
/// <c>partial record</c> marked with <see cref="ServerArgsAttribute"/>.
/// </summary>
public interface IServerArgs
{
    /// <summary>The server command these options belong to, for example <c>waitress-serve</c>.</summary>
    string Command { get; }

    /// <summary>Every flag the record knows, in the order <see cref="AppendArguments"/> writes them (declaration order).</summary>
    IReadOnlyList<FlagInfo> Flags { get; }

    /// <summary>
    /// Appends the set options to <paramref name="argv"/>, one element per argument, in declaration order:
    /// <see langword="null"/> properties are skipped, values are formatted with the invariant culture, and
    /// <see cref="ExtraArgsAttribute"/> entries come after them, then the <see cref="PositionalArgsAttribute"/> entries.
    /// </summary>
    /// <param name="argv">The argument list to append to.</param>
    void AppendArguments(IList<string> argv);

    /// <summary>
    /// The flags <see cref="AppendArguments"/> writes, in the same order, each with its value as set: the typed view of what is
    /// set, for the production rules and the version check, so that nothing parses argv back. A flag that writes nothing (a
    /// switch set to <see langword="false"/>, an empty list) is not in it; the extra arguments are, as one
    /// <see cref="FlagKind.Extra"/> entry.
    /// </summary>
    /// <remarks>Generated for every <see cref="ServerArgsAttribute"/> record; a hand-written implementation without flags has none.</remarks>
    IReadOnlyList<FlagValue> WrittenFlags => [];

    /// <summary>
    /// The JSON schema (draft-07) of the keys <see cref="Bind"/> accepts, as the object of a process's <c>Args</c>: every key
    /// and alias with its type, enum values, declared range and documentation. Assembled into the package's
    /// <c>ConfigurationSchema.json</c>, which editors use to complete and check appsettings.json.
    /// </summary>
    /// <remarks>Generated for every <see cref="ServerArgsAttribute"/> record; a hand-written implementation accepts any object.</remarks>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    string ConfigurationSchema => "{\"type\":\"object\"}";

    /// <summary>The <see cref="PositionalArgsAttribute"/> property's name (rqworker's <c>Queues</c>), or <see langword="null"/> when the record has none.</summary>
    /// <remarks>Generated for records with a <see cref="PositionalArgsAttribute"/> property; <see langword="null"/> otherwise.</remarks>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    string? PositionalProperty => null;

    /// <summary>
    /// Other configuration keys for some flags (<see cref="ArgAliasAttribute"/>): alias → the flag's name, compared ignoring
    /// case; each alias is accepted with <c>_</c> or <c>-</c>.
    /// </summary>
    /// <remarks>Generated for records with <see cref="ArgAliasAttribute"/>; empty otherwise.</remarks>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    IReadOnlyDictionary<string, string> KeyAliases => NoKeyAliases;

    /// <summary>The empty alias table, shared by every record without aliases.</summary>
    private static readonly IReadOnlyDictionary<string, string> NoKeyAliases =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>
    /// Returns a copy of these options with every key present in <paramref name="reader"/>'s section applied on top.
    /// Keys match the property name or the server's flag name (<c>ChannelTimeout</c> or <c>channel-timeout</c>).
    /// </summary>
    /// <param name="reader">The configuration section to read, which records errors and unknown keys.</param>
    IServerArgs Bind(ArgsConfigurationReader reader);
}
