namespace ProdServer.Config;

/// <summary>When a process that exited on its own is started again (systemd's <c>Restart=</c>, supervisord's <c>autorestart</c>).</summary>
public enum RestartPolicy
{
    /// <summary>Never: the exit ends the process (systemd <c>Restart=no</c>, supervisord <c>autorestart=false</c>).</summary>
    Never,

    /// <summary>
    /// After a non-zero exit or a death by signal, and after a failed start; a clean exit (code 0) ends the process
    /// (systemd <c>Restart=on-failure</c>, supervisord <c>autorestart=unexpected</c> with <c>exitcodes=0</c>). The default.
    /// </summary>
    OnFailure,

    /// <summary>After every exit, clean or not (systemd <c>Restart=always</c>, supervisord <c>autorestart=true</c>).</summary>
    Always,
}
