using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The files a server writes (pid files, log files, a beat's schedule, Unix sockets) are checked before a start and by
/// <c>--check</c>: a beat whose schedule could not be written passed <c>--check</c>, then failed every start with a traceback.
/// </summary>
public sealed class WrittenFileCheckSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose()
    {
        Environment.ExitCode = 0;
        _root.Dispose();
    }

    private static ProcessDefinition Beat(Func<CeleryBeatArgs, CeleryBeatArgs> configure)
    {
        var options = new ProdServerOptions();
        new ProdServerBuilder(options).Process("beat").UseCeleryBeat("proj", configure);
        return options.Processes.Single();
    }

    private static ProcessDefinition Gunicorn(Func<GunicornArgs, GunicornArgs> configure)
    {
        var options = new ProdServerOptions();
        new ProdServerBuilder(options).UseGunicorn("mysite.wsgi:application", configure);
        return options.Processes.Single();
    }

    [Fact]
    public void Files_in_a_writable_directory_pass_and_the_check_leaves_nothing_behind()
    {
        var beat = Beat(b => b with { Schedule = "state/schedule", PidFile = Path.Combine(_root.Path, "beat.pid") });
        Directory.CreateDirectory(Path.Combine(_root.Path, "state"));

        Assert.Null(WrittenFileCheck.Problem(beat, _root.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root.Path, "state")));
        Assert.Equal(["state"], Directory.EnumerateFileSystemEntries(_root.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_schedule_in_a_directory_that_does_not_exist_names_the_process_the_key_and_the_directory()
    {
        var beat = Beat(b => b with { Schedule = "missing/schedule" });

        var problem = WrittenFileCheck.Problem(beat, _root.Path);

        Assert.Equal(
            $"Process 'beat': Args:Schedule '{_root.Path}/missing/schedule' is in a directory that does not exist ('{_root.Path}/missing'); the server could not write it.",
            problem);
    }

    [Fact]
    public void A_directory_no_file_can_be_created_in_is_refused_even_for_root()
    {
        // /proc takes no new files whoever asks: what the auditor's beat met (ENOENT from celery's shelve), and what a
        // read-only root file system does to root. Checking the mode bits would have let root through.
        var beat = Beat(b => b with { Schedule = "/proc/beat-schedule" });

        var problem = WrittenFileCheck.Problem(beat, _root.Path);

        Assert.NotNull(problem);
        Assert.StartsWith("Process 'beat': Args:Schedule '/proc/beat-schedule' cannot be created: this user may not create files in '/proc' (", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_is_a_directory_is_refused()
    {
        var gunicorn = Gunicorn(g => g with { Pid = _root.Path });

        Assert.Equal($"Process 'web': Args:Pid '{_root.Path}' is a directory; the server could not write it.", WrittenFileCheck.Problem(gunicorn, _root.Path));
    }

    [Fact]
    public void Gunicorns_log_files_and_socket_count_and_a_dash_is_its_own_output_not_a_file()
    {
        var dashes = Gunicorn(g => g with { AccessLogfile = "-", ErrorLogfile = "-" });
        var files = Gunicorn(g => g with { Bind = ["unix:run/g.sock"], AccessLogfile = "logs/access.log", ErrorLogfile = "logs/error.log", Pid = "run/g.pid" });

        Assert.Empty(dashes.Backend.GetWrittenFiles(dashes));
        Assert.Equal(
            ["its Unix socket run/g.sock", "Args:Pid run/g.pid", "Args:AccessLogfile logs/access.log", "Args:ErrorLogfile logs/error.log"],
            files.Backend.GetWrittenFiles(files).Select(f => $"{f.Key} {f.Path}"));
        Assert.Equal(
            $"Process 'web': its Unix socket '{_root.Path}/run/g.sock' is in a directory that does not exist ('{_root.Path}/run'); the server could not write it.",
            WrittenFileCheck.Problem(files, _root.Path));
    }

    [Fact]
    public void A_beat_with_another_scheduler_keeps_no_schedule_file_and_celerys_workdir_is_where_relative_paths_are()
    {
        var database = Beat(b => b with { Scheduler = "django_celery_beat.schedulers:DatabaseScheduler", Schedule = "/proc/x" });
        var moved = Beat(b => b with { Workdir = "/srv/proj", Schedule = "var/schedule", PidFile = "/run/beat.pid", LogFile = "logs/%n/beat.log" });

        Assert.Empty(database.Backend.GetWrittenFiles(database));
        // Nor does an export ask for its working directory to be writable: only a persistent scheduler without a file writes there.
        Assert.False(CeleryBeatSchedule.WritesDefaultFile(Beat(b => b with { Scheduler = "django_celery_beat.schedulers:DatabaseScheduler" })));
        Assert.True(CeleryBeatSchedule.WritesDefaultFile(Beat(b => b)));
        Assert.False(CeleryBeatSchedule.WritesDefaultFile(Beat(b => b with { Schedule = "/var/lib/beat/schedule" })));
        Assert.Equal([false, true, false], moved.Backend.GetWrittenFiles(moved).Select(f => f.Templated));
        Assert.Equal(["Args:Schedule /srv/proj/var/schedule", "Args:LogFile /srv/proj/logs/%n/beat.log", "Args:PidFile /run/beat.pid"],
            moved.Backend.GetWrittenFiles(moved).Select(f => $"{f.Key} {f.Path}"));
    }

    [Fact]
    public void A_pid_file_gunicorn_replaces_is_judged_by_its_directory_not_by_the_file()
    {
        // gunicorn renames a new pid file over the old one: an existing file it may write is no help in a directory where
        // it may not create one (the check said yes, gunicorn died with PermissionError on its temporary file), and a
        // stale file it may not write is no obstacle in its own directory. /proc holds files and takes no new ones, even
        // from root.
        var replaced = Gunicorn(g => g with { Pid = "/proc/version" });
        var written = Gunicorn(g => g with { ErrorLogfile = "/proc/version" });

        Assert.Equal(
            "Process 'web': Args:Pid '/proc/version' cannot be replaced: this user may not create files in '/proc' (",
            WrittenFileCheck.Problem(replaced, _root.Path)?.Split("(")[0] + "(");
        Assert.True(replaced.Backend.GetWrittenFiles(replaced).Single().Replaced);
        Assert.False(written.Backend.GetWrittenFiles(written).Single().Replaced);
        Assert.True(Beat(b => b with { PidFile = "beat.pid" }).Backend.GetWrittenFiles(Beat(b => b with { PidFile = "beat.pid" })).Single().Replaced);
    }

    [Fact]
    public void Gunicorns_relative_files_are_from_its_chdir_where_it_writes_them()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "site", "var"));
        var gunicorn = Gunicorn(g => g with { Chdir = Path.Combine(_root.Path, "site"), Pid = "var/g.pid", ErrorLogfile = "var/err.log" });

        Assert.Null(WrittenFileCheck.Problem(gunicorn, _root.Path));
        Assert.All(gunicorn.Backend.GetWrittenFiles(gunicorn), f => Assert.StartsWith(Path.Combine(_root.Path, "site", "var"), f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void UWSGIs_log_files_fifos_and_stats_socket_are_written_files_and_a_udp_log_is_not()
    {
        var options = new ProdServerOptions();
        new ProdServerBuilder(options).Process("u").UseUwsgi("mysite.wsgi:application", u => u with
        {
            LogTo = "missing/u.log", LogTo2 = "127.0.0.1:1717", MasterFifo = ["run/fifo"], Stats = "run/stats.sock", PidFile = "u.pid",
        });
        var uwsgi = options.Processes.Single();

        Assert.Equal(
            ["Args:PidFile u.pid False", "Args:LogTo missing/u.log False", "Args:MasterFifo run/fifo True", "Args:Stats run/stats.sock True"],
            uwsgi.Backend.GetWrittenFiles(uwsgi).Select(f => $"{f.Key} {f.Path} {f.Replaced}"));
        Assert.Equal(
            $"Process 'u': Args:LogTo '{_root.Path}/missing/u.log' is in a directory that does not exist ('{_root.Path}/missing'); the server could not write it.",
            WrittenFileCheck.Problem(uwsgi, _root.Path));
    }

    [Fact]
    public void A_hostile_path_reaches_the_line_escaped_on_one_line()
    {
        var beat = Beat(b => b with { Schedule = "missing\n\u001b[31mred\u202e/schedule" });

        var problem = WrittenFileCheck.Problem(beat, _root.Path);

        Assert.NotNull(problem);
        Assert.DoesNotContain('\n', problem);
        Assert.DoesNotContain('\u001b', problem);
        Assert.DoesNotContain('\u202e', problem);
        Assert.StartsWith("Process 'beat': Args:Schedule '", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_refuses_a_beat_whose_schedule_cannot_be_written_in_one_line_before_running_anything()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = ["--check"], ContentRootPath = _root.Path });
        builder.Logging.ClearProviders();
        builder.Services.AddProdServer(o => o.Process("beat").UseCeleryBeat("proj", b => b with { Schedule = "/proc/beat-schedule" }).Python("/usr/bin/python3"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var code = await builder.Build().RunProdServerAsync(["--check"], output, error, timeout.Token);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        var line = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.StartsWith("Process 'beat': Args:Schedule '/proc/beat-schedule' cannot be created", line, StringComparison.Ordinal);
    }
}
