namespace ProdServer.Config;

/// <summary>
/// The CPU and memory a copy of a process asks for, in Kubernetes quantity syntax (the Kubernetes export writes them as
/// <c>resources.requests</c>). <see langword="null"/> means "not requested".
/// </summary>
public sealed class ResourceRequests
{
    /// <summary>CPU cores, for example <c>250m</c> (a quarter core) or <c>2</c>.</summary>
    public string? Cpu { get; set; }

    /// <summary>Memory, for example <c>256Mi</c> or <c>1Gi</c>.</summary>
    public string? Memory { get; set; }

    /// <summary>Whether anything is requested.</summary>
    public bool IsEmpty => Cpu is null && Memory is null;
}
