namespace ProdServer.Config;

/// <summary>The worker's task distribution profile (<c>-O</c>).</summary>
public enum CeleryOptimization
{
    /// <summary><c>default</c>: tasks are handed to pool processes as they arrive.</summary>
    Default,
    /// <summary><c>fair</c>: a task goes only to a pool process that is free; better for tasks of very different lengths.</summary>
    Fair,
}
