using System;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The second trim of a launcher's start-up pages: once the start-up output that follows readiness has gone quiet,
/// within a window, a bounded number of times; never when not armed (a host that runs ProdServer among its own work).
/// </summary>
public sealed class QuietAfterOutputSpecs
{
    private readonly FakeTimeProvider _time = new();
    private int _calls;

    private QuietAfterOutput Create() => new(_time, () => _calls++);

    [Fact]
    public void Output_after_arming_calls_back_once_it_has_been_quiet_for_the_quiet_period()
    {
        using var quiet = Create();
        quiet.Arm();

        quiet.OutputWritten();
        _time.Advance(QuietAfterOutput.QuietPeriod / 2);
        quiet.OutputWritten(); // more output: the quiet period starts again
        _time.Advance(QuietAfterOutput.QuietPeriod / 2 + TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _calls);

        _time.Advance(QuietAfterOutput.QuietPeriod / 2);
        Assert.Equal(1, _calls);

        _time.Advance(QuietAfterOutput.QuietPeriod * 5);
        Assert.Equal(1, _calls); // once per burst
    }

    [Fact]
    public void Unarmed_output_never_calls_back()
    {
        using var quiet = Create();

        quiet.OutputWritten();
        _time.Advance(QuietAfterOutput.Window);

        Assert.Equal(0, _calls);
    }

    [Fact]
    public void Output_after_the_window_is_no_longer_start_up_output()
    {
        using var quiet = Create();
        quiet.Arm();

        _time.Advance(QuietAfterOutput.Window + TimeSpan.FromSeconds(1));
        quiet.OutputWritten();
        _time.Advance(QuietAfterOutput.QuietPeriod * 2);

        Assert.Equal(0, _calls);
    }

    [Fact]
    public void Bursts_within_the_window_call_back_at_most_the_bound()
    {
        using var quiet = Create();
        quiet.Arm();

        for (var burst = 0; burst < QuietAfterOutput.MaxCallbacks + 3; burst++)
        {
            quiet.OutputWritten();
            _time.Advance(QuietAfterOutput.QuietPeriod + TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(QuietAfterOutput.MaxCallbacks, _calls);
    }
}
