using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>
/// What a management command's backend asks of the project's settings in <c>--check</c>'s one Python start, after
/// Django is set up and manage.py is found to have the command (<see cref="DjangoCommandCheck"/>): rqworker's classes
/// named in <c>RQ</c> and <c>RQ_QUEUES</c>, and whether its queues are keys of <c>RQ_QUEUES</c>.
/// </summary>
/// <param name="Script">
/// Python run with <c>exec</c>, given <c>args</c> (<paramref name="Arguments"/>), <c>found</c> (the list of findings to
/// append to, each written as <c>prodserver-check: FINDING</c>), <c>resolve(name)</c> (module.attribute imported as the
/// other names are) and <c>error(e)</c> (<c>Type: message</c> on one line).
/// </param>
/// <param name="Arguments">The values the script is given: what is configured here, never code.</param>
internal sealed record DjangoSettingsProbe(string Script, IReadOnlyList<string> Arguments);
