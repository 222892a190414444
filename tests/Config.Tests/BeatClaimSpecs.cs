using System;
using System.IO;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The lock that keeps one Celery beat per Celery app among an app's launches (<see cref="BeatClaim"/>).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BeatClaimSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prodserver-claim-").FullName;

    private string Socket => Path.Combine(_directory, "app.sock");

    [Fact]
    public void A_claim_is_refused_while_another_open_file_holds_it_and_names_the_holder_then_is_free_once_released()
    {
        var path = BeatClaim.PathFor(Socket, "proj.celery:app");
        using (var first = BeatClaim.TryTake(path, "beat", out var none))
        {
            Assert.NotNull(first);
            Assert.Null(none);

            // flock belongs to the open file, so a second open in this same process is refused as another process's is.
            Assert.Null(BeatClaim.TryTake(path, "scheduler", out var holder));
            Assert.Equal($"pid {Environment.ProcessId}, process 'beat'", holder);
        }

        using var again = BeatClaim.TryTake(path, "scheduler", out _);
        Assert.NotNull(again);
    }

    [Fact]
    public void The_two_spellings_celery_accepts_for_one_app_share_a_lock_and_other_apps_do_not()
    {
        Assert.Equal(BeatClaim.PathFor(Socket, "proj.celery:app"), BeatClaim.PathFor(Socket, " proj.celery.app "));
        Assert.NotEqual(BeatClaim.PathFor(Socket, "proj.celery:app"), BeatClaim.PathFor(Socket, "other.celery:app"));

        // Characters a file name should not hold, or a long name, are hashed rather than replaced: no two apps collide.
        var odd = BeatClaim.PathFor(Socket, "proj/celery");
        Assert.NotEqual(odd, BeatClaim.PathFor(Socket, "proj_celery"));
        Assert.Equal(_directory, Path.GetDirectoryName(odd));
        var longName = BeatClaim.PathFor(Socket, new string('a', 300));
        Assert.True(Path.GetFileName(longName).Length < 200, longName);
    }

    [Fact]
    public void A_holder_line_with_control_characters_is_written_escaped_on_one_line()
    {
        var path = BeatClaim.PathFor(Socket, "proj");
        using var first = BeatClaim.TryTake(path, "be\x1b[2Jat\nx", out _);
        Assert.Null(BeatClaim.TryTake(path, "beat", out var holder));
        Assert.NotNull(holder);
        Assert.DoesNotContain('\x1b', holder!);
        Assert.DoesNotContain('\n', holder!);
    }

    [Fact]
    public void A_directory_other_users_can_enter_is_refused_in_one_line_as_for_the_control_socket()
    {
        File.SetUnixFileMode(_directory, (UnixFileMode)Convert.ToInt32("755", 8));
        var refused = Assert.Throws<ControlSocketException>(() => BeatClaim.TryTake(BeatClaim.PathFor(Socket, "proj"), "beat", out _));
        Assert.Contains("can be entered by other users", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
