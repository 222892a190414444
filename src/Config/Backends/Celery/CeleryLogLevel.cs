namespace ProdServer.Config;

/// <summary>Celery's <c>--loglevel</c> (worker and beat); celery upper-cases what it is given, so this is its own spelling.</summary>
public enum CeleryLogLevel
{
    /// <summary><c>DEBUG</c>: everything, including each message received.</summary>
    [ServerValue("DEBUG")] Debug,
    /// <summary><c>INFO</c>: task received/succeeded lines; the usual production level for workers.</summary>
    [ServerValue("INFO")] Info,
    /// <summary><c>WARNING</c>: celery's default.</summary>
    [ServerValue("WARNING")] Warning,
    /// <summary><c>ERROR</c>: failures only.</summary>
    [ServerValue("ERROR")] Error,
    /// <summary><c>CRITICAL</c>: only what stops the worker.</summary>
    [ServerValue("CRITICAL")] Critical,
    /// <summary><c>FATAL</c>: the same level as <c>CRITICAL</c> in Python's logging.</summary>
    [ServerValue("FATAL")] Fatal,
}
