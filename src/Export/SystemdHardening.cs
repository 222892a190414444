using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// The sandboxing lines of an exported service (docs/deploy.md says why each may need relaxing). Strict is rated at most
/// 2.0 by <c>systemd-analyze security</c>; a test runs it. <c>MemoryDenyWriteExecute=</c> is left out on purpose: the
/// unit runs .NET, whose JIT makes written memory executable, and Python C extensions using libffi closures do the same.
/// </summary>
internal static class SystemdHardening
{
    /// <summary>Appends the lines for <paramref name="level"/> to <paramref name="unit"/>.</summary>
    /// <param name="unit">The <c>[Service]</c> section being written.</param>
    /// <param name="level">How much sandboxing.</param>
    /// <param name="paths">What the process reads and writes, and which of it the sandbox would hide (<see cref="SandboxPaths"/>).</param>
    /// <param name="lowPort">Whether the process binds a port below 1024, which needs <c>CAP_NET_BIND_SERVICE</c>.</param>
    public static void Append(StringBuilder unit, ExportHardening level, SandboxPaths paths, bool lowPort)
    {
        if (level == ExportHardening.None)
        {
            return;
        }

        unit.AppendLine("NoNewPrivileges=yes")
            .AppendLine("ProtectSystem=strict");
        // "-": a directory not yet created is no reason to refuse the start.
        AppendPaths(unit, "ReadWritePaths=", paths.ReadWrite);
        // Homes hidden as an empty tmpfs rather than made inaccessible, so that the paths bound below can appear in them.
        unit.AppendLine(paths.BindsHome ? "ProtectHome=tmpfs" : "ProtectHome=yes")
            .AppendLine("PrivateTmp=yes");
        AppendPaths(unit, "BindReadOnlyPaths=", paths.BindReadOnly);
        AppendPaths(unit, "BindPaths=", paths.BindWritable);
        unit
            .AppendLine("PrivateDevices=yes")
            .AppendLine("ProtectKernelTunables=yes")
            .AppendLine("ProtectKernelModules=yes")
            .AppendLine("ProtectControlGroups=yes")
            .AppendLine("RestrictSUIDSGID=yes")
            .AppendLine("LockPersonality=yes")
            .AppendLine("UMask=0027");
        if (lowPort)
        {
            // Binding a port below 1024 is the one privilege a web server may need; nothing else is kept.
            unit.AppendLine("CapabilityBoundingSet=CAP_NET_BIND_SERVICE")
                .AppendLine("AmbientCapabilities=CAP_NET_BIND_SERVICE");
        }
        else
        {
            unit.AppendLine("CapabilityBoundingSet=");
        }

        if (level != ExportHardening.Strict)
        {
            return;
        }

        unit.AppendLine("ProtectKernelLogs=yes")
            .AppendLine("ProtectClock=yes")
            .AppendLine("ProtectHostname=yes")
            .AppendLine("ProtectProc=invisible")
            .AppendLine("RestrictNamespaces=yes")
            .AppendLine("RestrictRealtime=yes")
            .AppendLine("RemoveIPC=yes")
            .AppendLine("SystemCallFilter=@system-service")
            .AppendLine("SystemCallErrorNumber=EPERM")
            .AppendLine("SystemCallArchitectures=native")
            // AF_NETLINK: glibc's getaddrinfo asks the kernel for the host's addresses through it.
            .AppendLine("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK")
            .AppendLine("DevicePolicy=closed");
        if (!lowPort)
        {
            // A private user namespace keeps no capability in the host's network namespace, so only without one.
            unit.AppendLine("PrivateUsers=yes");
        }
    }

    // Quoted, so that a space or a ':' (BindPaths='s separator of source and destination) stays inside the path.
    private static void AppendPaths(StringBuilder unit, string setting, IReadOnlyList<string> paths)
    {
        if (paths.Count > 0)
        {
            unit.AppendLine(setting + string.Join(' ', paths.Select(p => SystemdSyntax.Quoted("-" + p))));
        }
    }
}
