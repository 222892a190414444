using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>One Celery beat per Celery app among this app's launches on the machine (<see cref="BeatClaim"/>).</summary>
internal sealed partial class ProdServerHostedService
{
    // The beat locks this host holds, by lock file: taken before its beat starts, kept while the process is in the group
    // (stopped over control too, as its `start` would bring it back), dropped when a reload removes it and when the host
    // has stopped its processes.
    private readonly Dictionary<string, BeatClaim> _beatClaims = new(StringComparer.Ordinal);

    // Takes the lock of each process that runs Celery beat, unless this host holds it already.
    /// <exception cref="ServerLaunchException">Another launch runs that app's beat, or its lock cannot be taken; one line.</exception>
    private void ClaimBeats(IEnumerable<ProcessDefinition> processes, ProdServerOptions options)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no control socket there either (named pipes are not done yet)
        }

        foreach (var process in BeatsAmong(processes))
        {
            var path = BeatLockPath(options, process);
            lock (_beatClaims)
            {
                if (_beatClaims.ContainsKey(path))
                {
                    continue;
                }
            }

            BeatClaim? claim;
            string? holder;
            try
            {
                claim = BeatClaim.TryTake(path, process.Name, out holder);
            }
            catch (ControlSocketException ex)
            {
                throw new ServerLaunchException(process.Name, $"Process '{Names.Printable(process.Name)}' runs Celery beat, but {ex.Message}");
            }

            if (claim is null)
            {
                throw new ServerLaunchException(process.Name,
                    $"Process '{Names.Printable(process.Name)}' runs Celery beat for app '{Names.Printable(process.App!)}', which another launch of "
                    + $"'{Names.Printable(_applicationName)}' runs already ({holder ?? "it holds " + Names.PrintablePath(path)}); a second beat would send "
                    + "every periodic task twice. Stop that one first, or run the beat in one place.");
            }

            lock (_beatClaims)
            {
                _beatClaims[path] = claim;
            }
        }
    }

    // After a reload: the locks of beats no longer in the group (removed, or changed to another app or to no beat).
    private void ReleaseBeatsNotIn(IReadOnlyList<ProcessDefinition> group, ProdServerOptions options)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var kept = BeatsAmong(group).Select(p => BeatLockPath(options, p)).ToHashSet(StringComparer.Ordinal);
        lock (_beatClaims)
        {
            foreach (var path in _beatClaims.Keys.Where(p => !kept.Contains(p)).ToList())
            {
                _beatClaims.Remove(path, out var claim);
                claim!.Dispose();
            }
        }
    }

    private static IEnumerable<ProcessDefinition> BeatsAmong(IEnumerable<ProcessDefinition> processes) =>
        processes.Where(p => p.App is not null && p.RunsCeleryBeat);

    // Beside the control socket, one per Celery app: two processes beating for the same app share the lock.
    private string BeatLockPath(ProdServerOptions options, ProcessDefinition beat) => BeatClaim.PathFor(ControlSocketPath(options), beat.App!);

    private void ReleaseBeats()
    {
        lock (_beatClaims)
        {
            foreach (var claim in _beatClaims.Values)
            {
                claim.Dispose();
            }

            _beatClaims.Clear();
        }
    }
}
