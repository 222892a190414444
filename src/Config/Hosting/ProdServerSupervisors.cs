using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>The supervisors of this run, by process name; read by the health checks.</summary>
internal sealed class ProdServerSupervisors
{
    private readonly ConcurrentDictionary<string, ProcessSupervisor> _byName = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ProcessSupervisor supervisor) => _byName[supervisor.Name] = supervisor;

    public ProcessSupervisor? Find(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyCollection<ProcessSupervisor> All => (IReadOnlyCollection<ProcessSupervisor>)_byName.Values;
}
