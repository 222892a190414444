namespace ProdServer.Config;

/// <summary>
/// Which Django setting names the app a web backend serves when <c>App</c> is not given, as django-prodserver reads it:
/// <c>WSGI_APPLICATION</c> for WSGI servers, <c>ASGI_APPLICATION</c> for ASGI ones.
/// </summary>
internal static class DjangoApplicationSetting
{
    /// <summary>The WSGI setting.</summary>
    public const string Wsgi = "WSGI_APPLICATION";

    /// <summary>The ASGI setting.</summary>
    public const string Asgi = "ASGI_APPLICATION";

    /// <summary>The setting for <paramref name="backend"/>, or <see langword="null"/> for a backend that serves no web app (workers, manage.py commands).</summary>
    /// <param name="backend">The backend.</param>
    /// <returns><see cref="Wsgi"/>, <see cref="Asgi"/> or <see langword="null"/>.</returns>
    public static string? For(ServerBackend backend) => backend switch
    {
        WaitressBackend or GunicornBackend or UwsgiBackend => Wsgi,
        UvicornBackend uvicorn => uvicorn.IsWsgi ? Wsgi : Asgi,
        GranianBackend granian => granian.IsWsgi ? Wsgi : Asgi,
        HypercornBackend hypercorn => hypercorn.IsWsgi ? Wsgi : Asgi,
        DaphneBackend => Asgi,
        _ => null,
    };
}
