namespace ProdServer.Config;

/// <summary>Whether a TLS server asks for client certificates (Python's <c>ssl.CERT_*</c>; gunicorn <c>--cert-reqs</c>, uvicorn <c>--ssl-cert-reqs</c>).</summary>
public enum CertRequirements
{
    /// <summary><c>0</c> (<c>CERT_NONE</c>): no client certificate is asked for. The servers' default.</summary>
    [ServerValue("0")] None,
    /// <summary><c>1</c> (<c>CERT_OPTIONAL</c>): a client certificate is verified when one is sent.</summary>
    [ServerValue("1")] Optional,
    /// <summary><c>2</c> (<c>CERT_REQUIRED</c>): every client must send a valid certificate.</summary>
    [ServerValue("2")] Required,
}
