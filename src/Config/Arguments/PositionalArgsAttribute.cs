using System;

namespace ProdServer.Config;

/// <summary>
/// Marks a list-of-strings property whose entries are the server's positional arguments (rqworker's queue names), written
/// after every flag and the <see cref="ExtraArgsAttribute"/> entries. Configuration binds it by its property name, as a list
/// or one string of words, like any list flag. Each entry must be non-empty, must not start with <c>-</c> (the server would
/// read it as an option) and must hold no control character.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class PositionalArgsAttribute : Attribute
{
}
