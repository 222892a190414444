using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace ProdServer.Config.Tests.Shared;

/// <summary>
/// Gives this test process a control-socket directory of its own (see <see cref="ControlSocket.PrivateDefaultDirectory"/>):
/// every test host is named after the runner, <c>testhost</c>, so the two test processes CI runs side by side, or a
/// developer's second run, otherwise met at <c>/run/prodserver/testhost.sock</c> and refused each other's <c>web</c>.
/// </summary>
internal static class PrivateControlSockets
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The directory must be set before any test builds a host.")]
    internal static void UseOwnDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Created 0700, as the control socket's directory must be; short, so that a socket path in it stays within 108 bytes.
        var directory = Directory.CreateTempSubdirectory("psc-sockets-").FullName;
        ControlSocket.PrivateDefaultDirectory = directory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A socket a host still holds: /tmp's cleaning takes it.
            }
        };
    }
}
