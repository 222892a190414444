namespace ProdServer.Config;

/// <summary>A deployment target that <c>export</c> writes files for.</summary>
public enum ExportTarget
{
    /// <summary>One systemd <c>.service</c> per process and a <c>.target</c> grouping them.</summary>
    Systemd,

    /// <summary>One supervisord <c>[program:…]</c> per process and a <c>[group:…]</c>, in one <c>.conf</c> file.</summary>
    Supervisord,

    /// <summary>A Docker Compose file with one service per process.</summary>
    Compose,

    /// <summary>A <c>Procfile</c>, one line per process.</summary>
    Procfile,

    /// <summary>A Kubernetes Deployment per process, and a Service for each process that listens on a port.</summary>
    Kubernetes,
}
