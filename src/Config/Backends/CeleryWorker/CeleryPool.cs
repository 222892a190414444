namespace ProdServer.Config;

/// <summary>The worker's pool implementation (<c>--pool</c>).</summary>
public enum CeleryPool
{
    /// <summary><c>prefork</c>: child processes; celery's default and the right choice for CPU-bound tasks.</summary>
    Prefork,
    /// <summary><c>eventlet</c>: green threads; needs the eventlet package.</summary>
    Eventlet,
    /// <summary><c>gevent</c>: green threads; needs the gevent package.</summary>
    Gevent,
    /// <summary><c>solo</c>: tasks run one at a time in the main process.</summary>
    Solo,
    /// <summary><c>processes</c>: an alias of <c>prefork</c>.</summary>
    Processes,
    /// <summary><c>threads</c>: a thread pool.</summary>
    Threads,
    /// <summary><c>custom</c>: the class named by the <c>CELERY_CUSTOM_WORKER_POOL</c> variable (celery 5.3 and later).</summary>
    Custom,
}
