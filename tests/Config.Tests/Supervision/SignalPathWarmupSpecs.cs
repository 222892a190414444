using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Tests.Supervision;

/// <summary>The warm-up of the way from a signal to its handler: one SIGWINCH to this process, handled and harmless.</summary>
public sealed class SignalPathWarmupSpecs
{
    [Fact]
    public async Task The_signal_reaches_the_runtimes_handling_and_an_apps_own_handler_sees_a_terminal_resize()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.False(await SignalPathWarmup.RunAsync()); // no POSIX signals: nothing is sent
            return;
        }

        var resized = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var appsOwn = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => resized.TrySetResult());

        // Generous: the handlers run on the thread pool, which a parallel test run keeps busy.
        Assert.True(await SignalPathWarmup.RunAsync(TimeSpan.FromSeconds(30)));
        await resized.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(resized.Task.IsCompletedSuccessfully);
    }
}
