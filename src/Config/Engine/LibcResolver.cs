using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ProdServer.Config;

/// <summary>
/// Resolves this library's <c>libc</c> imports to glibc's <c>libc.so.6</c>, which every Linux process has loaded already,
/// before the runtime's own search for the name <c>libc</c> runs.
/// </summary>
/// <remarks>
/// That search tries <c>libc.so</c> in the app's and the runtime's directories and every system library directory (on
/// glibc it finds a linker script there, which does not load), then <c>liblibc.so</c> and <c>libc</c> the same way: ~50
/// failed opens on the first call, before the server's fork (the plan cache's directory check is the first). Anywhere
/// else (musl, macOS) <c>libc.so.6</c> does not load and the runtime's search runs as before.
/// </remarks>
internal static class LibcResolver
{
    private const string Glibc = "libc.so.6";

    // Before any import of this library is bound; a module initializer costs one call at load.
#pragma warning disable CA2255 // registering a resolver for this assembly's own imports is what module initializers are for
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        if (OperatingSystem.IsLinux())
        {
            NativeLibrary.SetDllImportResolver(typeof(LibcResolver).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == "libc" && NativeLibrary.TryLoad(Glibc, out var handle) ? handle : IntPtr.Zero;
}
