using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>Replicas</c> on the targets that run every process on one machine: supervisord carries it as <c>numprocs</c> where
/// copies can share the machine, and every other case is said in a note (it was dropped without a word: one unit, one
/// program, one Procfile line for a worker with Replicas 2).
/// </summary>
public sealed class ExportReplicasSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("psc-export-replicas-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ProcessDefinition Rq(int replicas, string name = "rq") => new(name, ServerBackends.RqWorker) { Args = new RqWorkerArgs(), Replicas = replicas };

    private static ProcessDefinition Celery() => new("worker", ServerBackends.CeleryWorker) { App = "mysite", Replicas = 2 };

    private static ProcessDefinition Web() => new("web", ServerBackends.Waitress)
    {
        App = "mysite.wsgi:application", Args = new WaitressArgs { Host = "0.0.0.0", Port = 19420 }, Replicas = 2,
    };

    private static Deployment Shop(params ProcessDefinition[] processes) => new("shop", ["/bin/true"], "/srv", processes);

    [Fact]
    public void Supervisord_runs_replicas_that_can_share_the_machine_as_numprocs_which_supervisor_reads_as_that_many_processes()
    {
        var notes = new List<string>();
        var conf = Assert.Single(Exporter.Export(ExportTarget.Supervisord, Shop(Rq(3)), notes)).Content;

        Assert.Contains("numprocs=3\nprocess_name=%(program_name)s-%(process_num)d\n", conf.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain(notes, n => n.Contains("Replicas", StringComparison.Ordinal));
        Assert.Equal(["shop-rq-0", "shop-rq-1", "shop-rq-2"], SupervisorProcessNames(conf));
    }

    [Fact]
    public void Supervisord_says_why_it_runs_one_copy_of_a_process_whose_copies_would_clash_on_one_machine()
    {
        var notes = new List<string>();
        var conf = Assert.Single(Exporter.Export(ExportTarget.Supervisord, Shop(Web(), Celery(), Rq(1)), notes)).Content;

        Assert.DoesNotContain("numprocs", conf, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.StartsWith("process 'web': Replicas 2 is not carried by supervisord", StringComparison.Ordinal)
            && n.Contains("every copy would listen on port 19420", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("process 'worker': Replicas 2 is not carried by supervisord", StringComparison.Ordinal)
            && n.Contains("the same Celery node name", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.StartsWith("process 'rq'", StringComparison.Ordinal));
        Assert.Equal(["shop-rq", "shop-web", "shop-worker"], SupervisorProcessNames(conf).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(ExportTarget.Systemd, "systemd")]
    [InlineData(ExportTarget.Procfile, "the Procfile")]
    public void Systemd_and_the_procfile_say_that_they_run_one_copy(ExportTarget target, string name)
    {
        var notes = new List<string>();
        Exporter.Export(target, Shop(Rq(3), Rq(1, "single")), notes);

        var note = Assert.Single(notes, n => n.Contains("Replicas", StringComparison.Ordinal));
        Assert.StartsWith($"process 'rq': Replicas 3 is not carried by {name}, which runs one copy: ", note, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', note);
    }

    // supervisor's own parser: the process names of every program, as supervisorctl status lists them.
    private string[] SupervisorProcessNames(string conf)
    {
        var path = Path.Combine(_directory, "shop.conf");
        File.WriteAllText(path, conf);
        var script = Path.Combine(_directory, "names.py");
        File.WriteAllText(script, """
            import sys, json
            from supervisor.options import ServerOptions, UnhosedConfigParser
            parser = UnhosedConfigParser()
            parser.read(sys.argv[1])
            options = ServerOptions()
            options.environ_expansions = {}
            names = []
            for section in parser.sections():
                if section.startswith('program:'):
                    names += [c.name for c in options.processes_from_section(parser, section, section.split(':', 1)[1])]
            print(json.dumps(names))
            """);
        var info = new ProcessStartInfo("/usr/bin/python3", [script, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return JsonSerializer.Deserialize<string[]>(output)!;
    }
}
