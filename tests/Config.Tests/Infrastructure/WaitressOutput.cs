namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>What Debian's waitress 2.1 writes to stderr, as test input.</summary>
internal static class WaitressOutput
{
    /// <summary>
    /// Its answer to an app whose import failed: the error, its usage text (shortened: the lines of each kind it has), then
    /// <paramref name="exception"/> (its report of what the import raised).
    /// </summary>
    public static string[] BadModule(params string[] exception) =>
    [
        "Error: Bad module 'mysite.wsgi'",
        "",
        "Usage:",
        "",
        "    waitress-serve [OPTS] MODULE:OBJECT",
        "",
        "Standard options:",
        "",
        "    --help",
        "        Show this information.",
        "",
        "Tuning options:",
        "",
        "    --threads=INT",
        "",
        "",
        .. exception,
    ];

    /// <summary>The usage text in <see cref="BadModule"/>, as one entry.</summary>
    public const string Usage =
        "Usage:\n\n    waitress-serve [OPTS] MODULE:OBJECT\n\nStandard options:\n\n    --help\n        Show this information.\n\nTuning options:\n\n    --threads=INT";
}
