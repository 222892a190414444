namespace ProdServer.Config;

/// <summary>A proxy header waitress may trust from <see cref="WaitressArgs.TrustedProxy"/> (<c>--trusted-proxy-headers</c>).</summary>
public enum TrustedProxyHeader
{
    /// <summary>The RFC 7239 <c>Forwarded</c> header; cannot be combined with the <c>X-Forwarded-*</c> headers.</summary>
    [ServerValue("forwarded")] Forwarded,
    /// <summary><c>X-Forwarded-For</c>: the client address.</summary>
    [ServerValue("x-forwarded-for")] XForwardedFor,
    /// <summary><c>X-Forwarded-Host</c>: the host the client asked for.</summary>
    [ServerValue("x-forwarded-host")] XForwardedHost,
    /// <summary><c>X-Forwarded-Proto</c>: <c>http</c> or <c>https</c> as the client saw it.</summary>
    [ServerValue("x-forwarded-proto")] XForwardedProto,
    /// <summary><c>X-Forwarded-Port</c>: the port the client connected to.</summary>
    [ServerValue("x-forwarded-port")] XForwardedPort,
    /// <summary><c>X-Forwarded-By</c>: the proxy's own address.</summary>
    [ServerValue("x-forwarded-by")] XForwardedBy,
}
