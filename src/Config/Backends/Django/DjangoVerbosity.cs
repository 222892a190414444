namespace ProdServer.Config;

/// <summary>Django's <c>--verbosity</c> for management commands.</summary>
public enum DjangoVerbosity
{
    /// <summary><c>0</c>: minimal output.</summary>
    [ServerValue("0")] Minimal,
    /// <summary><c>1</c>: normal output; Django's default.</summary>
    [ServerValue("1")] Normal,
    /// <summary><c>2</c>: verbose output.</summary>
    [ServerValue("2")] Verbose,
    /// <summary><c>3</c>: very verbose output.</summary>
    [ServerValue("3")] VeryVerbose,
}
