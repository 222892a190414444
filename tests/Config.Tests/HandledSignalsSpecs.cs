using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The signals each server acts on, as found on Debian's binaries; <c>signal</c> refuses the others.</summary>
public sealed class HandledSignalsSpecs
{
    public static TheoryData<ServerBackend, string[]> Servers() => new()
    {
        { ServerBackends.Gunicorn, ["HUP", "USR1", "USR2", "TTIN", "TTOU"] },
        { ServerBackends.Uwsgi, ["HUP"] },
        { ServerBackends.CeleryWorker, ["USR1"] },
        { ServerBackends.Waitress, [] }, // HUP, USR1 and USR2 ended waitress-serve 2.1.2; TTIN and TTOU suspended it
        { ServerBackends.Uvicorn, [] },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public void Each_server_names_the_signals_it_acts_on(ServerBackend backend, string[] signals) =>
        Assert.Equal(signals, backend.HandledSignals);
}
