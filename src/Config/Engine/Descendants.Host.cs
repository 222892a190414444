using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace ProdServer.Config;

internal static partial class Descendants
{
    /// <summary>
    /// The host that started <paramref name="pid"/>, from the tag in its environment (<c>PRODSERVER_INSTANCE=HOSTPID.SERIAL</c>),
    /// and whether that host still runs; <see langword="null"/> when the process carries no tag or its environment cannot be
    /// read (another user's process, without root). A pid that runs again but started after the tagged process is another
    /// process, not its host: the host is gone.
    /// </summary>
    public static (int HostPid, bool HostRuns)? TaggedHost(int pid)
    {
        if (!IsSupported)
        {
            return null;
        }

        byte[] environment;
        try
        {
            environment = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (HostPidOfTag(ValueOf(environment, TagVariable + "=")) is not { } host)
        {
            return null;
        }

        var runs = Stat(host) is { Zombie: false } hostStat && Stat(pid) is { } stat && hostStat.StartTime <= stat.StartTime;
        return (host, runs);
    }

    /// <summary>The host pid of a tag (<c>HOSTPID.SERIAL</c>); <see langword="null"/> for anything else.</summary>
    internal static int? HostPidOfTag(string? tag) =>
        tag?.IndexOf('.') is > 0 and var dot
        && int.TryParse(tag.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var host) && host > 0
        && int.TryParse(tag.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? host
            : null;

    // The value of the NUL-separated entry that starts with prefix ("NAME="), or null.
    private static string? ValueOf(ReadOnlySpan<byte> environment, string prefix)
    {
        var name = Encoding.UTF8.GetBytes(prefix);
        while (!environment.IsEmpty)
        {
            var end = environment.IndexOf((byte)0);
            var entry = end < 0 ? environment : environment[..end];
            if (entry.StartsWith(name))
            {
                return Encoding.UTF8.GetString(entry[name.Length..]);
            }

            environment = end < 0 ? default : environment[(end + 1)..];
        }

        return null;
    }
}
