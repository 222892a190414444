namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>What Python itself writes to stderr, as test input.</summary>
internal static class PythonOutput
{
    /// <summary>An uncaught exception raised while handling another (manage.py without Django): two chained tracebacks.</summary>
    public static readonly string[] ChainedTraceback =
    [
        "Traceback (most recent call last):",
        "  File \"/srv/site/manage.py\", line 11, in main",
        "ModuleNotFoundError: No module named 'django'",
        "",
        "The above exception was the direct cause of the following exception:",
        "",
        "Traceback (most recent call last):",
        "  File \"/srv/site/manage.py\", line 22, in <module>",
        "ImportError: Couldn't import Django.",
    ];
}
