namespace ProdServer.Config;

/// <summary>Tornado's <c>--logging</c> levels, as flower passes them through.</summary>
public enum FlowerLogging
{
    /// <summary><c>debug</c>.</summary>
    [ServerValue("debug")] Debug,

    /// <summary><c>info</c>, the default.</summary>
    [ServerValue("info")] Info,

    /// <summary><c>warning</c>.</summary>
    [ServerValue("warning")] Warning,

    /// <summary><c>error</c>.</summary>
    [ServerValue("error")] Error,

    /// <summary><c>none</c>: tornado leaves logging unconfigured.</summary>
    [ServerValue("none")] None,
}

/// <summary>Tornado's <c>--log-rotate-mode</c>.</summary>
public enum FlowerLogRotateMode
{
    /// <summary><c>size</c>, the default: rotate at LogFileMaxSize bytes.</summary>
    [ServerValue("size")] Size,

    /// <summary><c>time</c>: rotate every LogRotateInterval LogRotateWhen.</summary>
    [ServerValue("time")] Time,
}
