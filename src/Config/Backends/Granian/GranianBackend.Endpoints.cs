using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>Where granian listens: `--host`/`--port` (default 127.0.0.1:8000), nothing on a Unix socket.</summary>
internal sealed partial class GranianBackend
{
    /// <inheritdoc />
    public override IReadOnlyList<ListenEndpoint> GetListenEndpoints(ProcessDefinition process) =>
        process?.Args is GranianArgs { Uds: null } args
            ? [new ListenEndpoint(args.Host ?? "127.0.0.1", args.Port ?? 8000)]
            : [];

    /// <inheritdoc />
    public override IReadOnlyList<string> GetUnixSockets(ProcessDefinition process) =>
        process?.Args is GranianArgs { Uds: { Length: > 0 } path } ? [path] : [];

    /// <inheritdoc />
    /// <remarks>Its pid file.</remarks>
    internal override IEnumerable<WrittenFile> GetWrittenFiles(ProcessDefinition process) =>
        process.Args is GranianArgs a
            ? base.GetWrittenFiles(process).Concat(WrittenFile.Set((a.PidFile, nameof(a.PidFile)))).Select(f => f.UnderUnverifiedChdir(a.WorkingDir))
            : base.GetWrittenFiles(process);
}
