using System;

namespace ProdServer.Config;

/// <summary>
/// How the engine decides that a started process is ready to serve. Without a <see cref="Path"/>, a process is ready
/// when every port its backend listens on accepts a connection (a backend without ports: when it has run for
/// <see cref="ProcessDefinition.StartSeconds"/>); with one, when an HTTP GET of that path answers <see cref="Status"/>.
/// The GET is asked as Kubernetes' <c>httpGet</c> probe asks it: plain HTTP/1.1, a redirect is an answer (not followed).
/// </summary>
public sealed class ReadinessProbe
{
    /// <summary>The default <see cref="Timeout"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An HTTP path to GET on the first listening TCP endpoint, for example <c>/health</c> — or, for a server on Unix
    /// sockets only (behind a front proxy), over its first socket, with <c>Host: localhost</c>; <see langword="null"/>
    /// means "the port (or socket) accepts connections".
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The default <see cref="Status"/>, which accepts any 200–399.</summary>
    internal const int DefaultStatus = 200;

    /// <summary>
    /// The HTTP status <see cref="Path"/> must answer with. Default 200, which accepts any 200–399 (a redirect too, not
    /// followed), as Kubernetes' <c>httpGet</c> probe does; any other value must be answered exactly.
    /// </summary>
    public int Status { get; set; } = DefaultStatus;

    /// <summary>How long a start may take to become ready before it counts as a failed start (systemd's <c>TimeoutStartSec</c>). Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
