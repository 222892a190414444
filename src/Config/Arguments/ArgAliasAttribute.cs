using System;

namespace ProdServer.Config;

/// <summary>
/// Another name a server's own users know for one of the record's flags, accepted as an <c>Args</c> key in configuration
/// (gunicorn's settings-file name <c>preload_app</c> for <c>--preload</c>, Granian's API keyword <c>address</c> for
/// <c>--host</c>), in both spellings (<c>log_access</c>, <c>log-access</c>). The generator puts it in the binder's alias
/// table (<see cref="IServerArgs.KeyAliases"/>) and in the JSON schema, and the appsettings analyzer reads it from here, so the
/// three accept the same keys. Only names that differ from the flag are needed: the flag with <c>_</c> for <c>-</c> is accepted anyway.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ArgAliasAttribute : Attribute
{
    /// <summary>Creates the alias <paramref name="alias"/> of the flag <c>--<paramref name="flag"/></c>.</summary>
    /// <param name="alias">The other name, for example <c>preload_app</c>.</param>
    /// <param name="flag">The flag's long name without dashes, as in its <see cref="FlagAttribute"/>, for example <c>preload</c>.</param>
    public ArgAliasAttribute(string alias, string flag)
    {
        Alias = alias;
        Flag = flag;
    }

    /// <summary>The other name, for example <c>preload_app</c>.</summary>
    public string Alias { get; }

    /// <summary>The flag it stands for, for example <c>preload</c>.</summary>
    public string Flag { get; }
}
