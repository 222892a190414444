namespace ProdServer.Config;

/// <summary>
/// A Python name a server imports at start because a setting names it (rqworker's <c>--worker-class</c>, celery beat's
/// <c>--scheduler</c>): <c>--check</c> imports it the same way, so that a class whose package is missing fails the check,
/// not every start.
/// </summary>
/// <param name="Key">The setting that names it, as a message names it (<c>Args:WorkerClass</c>).</param>
/// <param name="Name">The import path as configured (<c>myapp.workers.QuietWorker</c>, <c>module:Class</c> for celery).</param>
/// <param name="When">
/// When the server imports it, as a message says it (<c>flower imports at every login</c>); <see langword="null"/> for
/// "COMMAND imports at start".
/// </param>
internal readonly record struct ImportedName(string Key, string Name, string? When = null);
