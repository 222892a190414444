using System;
using System.Runtime.InteropServices;
using System.Threading;
using Xunit;

namespace ProdServer.Config.Tests.Supervision;

/// <summary>The warm-up of the way from a signal to its handler: one SIGWINCH to this process, handled and harmless.</summary>
public sealed class SignalPathWarmupSpecs
{
    [Fact]
    public void The_signal_reaches_the_runtimes_handling_and_an_apps_own_handler_sees_one_terminal_resize()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.False(SignalPathWarmup.Run()); // no POSIX signals: nothing is sent
            return;
        }

        var resizes = 0;
        using var appsOwn = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => Interlocked.Increment(ref resizes));

        Assert.True(SignalPathWarmup.Run());

        // The app's handler runs beside the warm-up's (both on the thread pool): at most a second for it too.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref resizes) > 0, TimeSpan.FromSeconds(1)));
        Assert.Equal(1, Volatile.Read(ref resizes));
    }
}
