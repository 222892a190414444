using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// Other names a server's own users know for its flags, accepted as <c>Args</c> keys: declared on the args record with
/// <see cref="ArgAliasAttribute"/> (Granian's Python API keywords, gunicorn's settings-file names) and generated into
/// <see cref="IServerArgs.KeyAliases"/>, so the binder, the JSON schema and the appsettings analyzer read one table.
/// </summary>
internal static class ArgAliases
{
    /// <summary>The aliases (alias → flag name) a process served by <paramref name="backend"/> accepts.</summary>
    /// <param name="backend">The process's backend.</param>
    /// <returns>The aliases; empty for servers whose users write the flags themselves.</returns>
    public static IReadOnlyDictionary<string, string> For(ServerBackend backend) => backend.CreateDefaultArgs().KeyAliases;
}
