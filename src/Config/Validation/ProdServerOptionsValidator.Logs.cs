using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>Checks the host-wide log settings set in code (configuration is checked while binding).</summary>
internal sealed partial class ProdServerOptionsValidator
{
    private static IEnumerable<string> ValidateLogs(ProdServerLogOptions logs)
    {
        if (logs.BufferBytes is < ProdServerLogOptions.MinimumBufferBytes or > ProdServerLogOptions.MaximumBufferBytes)
        {
            yield return $"Logs:BufferBytes must be from {ProdServerLogOptions.MinimumBufferBytes} to {ProdServerLogOptions.MaximumBufferBytes} bytes, got {logs.BufferBytes}. ({ProdServerOptions.SectionName}:Logs:BufferBytes)";
        }

        if (logs.Overflow is not (LogOverflow.Block or LogOverflow.Drop))
        {
            yield return $"Logs:Overflow must be Block or Drop, got {(int)logs.Overflow}. ({ProdServerOptions.SectionName}:Logs:Overflow)";
        }
    }
}
