using System;
using System.IO;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>Whether a process the test did not start itself (a helper some Python code left behind) still runs.</summary>
internal static class ProcessLiveness
{
    /// <summary>Alive and not a zombie (an orphan's zombie waits for whoever adopted it to reap it).</summary>
    public static bool Running(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') is false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
