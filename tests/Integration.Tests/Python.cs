using System.IO;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The interpreter Debian's server packages belong to; a pyenv python3 first on PATH lacks them.</summary>
internal static class Python
{
    public const string Debian = "/usr/bin/python3";

    public static string AppsDirectory => Path.Combine(System.AppContext.BaseDirectory, "apps");
}
