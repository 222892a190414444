using Microsoft.Extensions.DependencyInjection;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// ExtraArgs and server flags after <c>--</c> cannot slip past the typed validation: a flag the typed record knows must be
/// set through its key, and a flag that detaches the server, replaces its configuration or makes it exit at once is refused.
/// </summary>
public sealed class ServerFlagSafetySpecs : IDisposable
{
    private const string Python = "/nonexistent/prodserver-tests/python3";
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("--bind=0.0.0.0:80", "Bind")]
    [InlineData("--workers=9", "Workers")]
    [InlineData("--no-sendfile", "Sendfile")]
    [InlineData("--bin=0.0.0.0:80", "Bind")] // argparse takes a unique prefix as the flag
    public void An_extra_argument_that_names_a_typed_flag_says_which_key_to_use(string extra, string key)
    {
        var failure = Assert.Single(Options.Failures(o => o.UseGunicorn("mysite.wsgi:application", g => g with { ExtraArgs = [extra] })));

        Assert.Contains("ExtraArgs", failure, StringComparison.Ordinal);
        Assert.Contains($"Args:{key}", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--daemon")]
    [InlineData("--config=/etc/evil.py")]
    [InlineData("--check-config")]
    [InlineData("--print-config")]
    [InlineData("--help")]
    [InlineData("--version")]
    public void A_gunicorn_flag_that_detaches_or_replaces_the_configuration_is_refused_in_extra_args(string extra)
    {
        var failure = Assert.Single(Options.Failures(o => o.UseGunicorn("mysite.wsgi:application", g => g with { ExtraArgs = [extra] })));

        Assert.Contains("ExtraArgs", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--detach")]
    [InlineData("--daemonize=/tmp/log")]
    [InlineData("--help")]
    public void Detaching_flags_are_refused_whatever_the_backend(string extra)
    {
        Assert.NotEmpty(Options.Failures(o => o.UseWaitress("mysite.wsgi:application", w => w with { ExtraArgs = [extra] })));
        Assert.NotEmpty(Options.Failures(o => o.UseUvicorn("mysite.asgi:application", u => u with { ExtraArgs = [extra] })));
        Assert.NotEmpty(Options.Failures(o => o.Process("worker").UseCeleryWorker("proj", w => w with { ExtraArgs = [extra] })));
    }

    [Fact]
    public void A_flag_newer_than_the_sdk_still_passes_through_extra_args()
    {
        var options = Options.Resolve(o => o.UseGunicorn("mysite.wsgi:application", g => g with { ExtraArgs = ["--some-future-flag=1"] }));

        Assert.Single(options.Processes);
    }

    [Theory]
    [InlineData("--check-config")]
    [InlineData("--print-config")]
    [InlineData("--config=/etc/evil.py")]
    [InlineData("--daemon")]
    public async Task A_server_flag_after_the_double_dash_that_replaces_the_configuration_is_refused(string flag)
    {
        var (code, output, error) = await EntryPoint.RunAsync(
            _root.Path, o => o.UseGunicorn("mysite.wsgi:application").Python(Python), null, "web", "--dry-run", "--", flag);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains(flag.Split('=')[0], error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    // "app web -- --help" said "'--help' after -- --help would detach …": the flag named twice, and a detach it does not do.
    [Theory]
    [InlineData("waitress", "--help")]
    [InlineData("waitress", "-h")]
    [InlineData("waitress", "--version")]
    [InlineData("gunicorn", "--help")]
    [InlineData("gunicorn", "-h")]
    [InlineData("gunicorn", "--version")]
    public async Task The_launchers_help_after_the_double_dash_says_to_give_it_before(string backend, string flag)
    {
        var (code, output, error) = await RunWithServerFlagsAsync(backend, flag);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Equal(
            [$"Process 'web': '{flag}' after -- is this app's own option, not a server flag: give it before -- (web {flag}).", "Run with --help for the usage."],
            EntryPoint.Lines(error));
    }

    // argparse (gunicorn) and getopt (waitress) take a unique prefix of their own flags: "--check" is gunicorn's
    // --check-config, but waitress has none, so there it is only the launcher's --check given on the wrong side of --.
    [Theory]
    [InlineData("waitress", "--check", "Process 'web': --check (command line after --) is not an option of waitress-serve; it is this app's own option: give it before -- (web --check -- …).")]
    [InlineData("gunicorn", "--check", "Process 'web': '--check' after -- is short for --check-config, which would make gunicorn check its configuration and exit at once; use the launcher's --check instead.")]
    [InlineData("waitress", "--vers", "Process 'web': --vers (command line after --) is not an option of waitress-serve.")]
    [InlineData("gunicorn", "--vers", "Process 'web': '--vers' after -- is short for --version, which would make gunicorn print its version and exit at once; it is refused.")]
    [InlineData("gunicorn", "--daemon", "Process 'web': '--daemon' after -- would detach gunicorn from its supervisor, which would see it exit at once; it is refused.")]
    [InlineData("gunicorn", "--print-config", "Process 'web': '--print-config' after -- would make gunicorn print its configuration and exit at once; use the launcher's --dry-run instead.")]
    public async Task A_flag_after_the_double_dash_is_read_as_an_abbreviation_of_its_own_servers_flags_only(string backend, string flag, string said)
    {
        var (code, _, error) = await RunWithServerFlagsAsync(backend, flag);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal([said, "Run with --help for the usage."], EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_list_flag_repeated_after_the_double_dash_gives_every_value()
    {
        var (code, output, error) = await EntryPoint.RunAsync(
            _root.Path, o => o.UseWaitress("mysite.wsgi:application").Python(Python), null,
            "web", "--dry-run", "--", "--listen=127.0.0.1:8000", "--listen", "127.0.0.1:8001");

        Assert.True(code == ExitCodes.Ok, error);
        var command = EntryPoint.Lines(output)[^1];
        Assert.Contains("--listen=127.0.0.1:8000 --listen=127.0.0.1:8001", command, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Error)> RunWithServerFlagsAsync(string backend, string flag) =>
        EntryPoint.RunAsync(
            _root.Path,
            o =>
            {
                _ = backend == "gunicorn"
                    ? o.UseGunicorn("mysite.wsgi:application").Python(Python)
                    : o.UseWaitress("mysite.wsgi:application").Python(Python);
            },
            null,
            "web", "--", flag);
}

/// <summary>
/// The refused flags come from the servers' own catalogues: every flag of a backend's <c>../shared/reference/*.tsv</c> that
/// detaches it or prints something and exits is refused in ExtraArgs, and gunicorn's configuration file too.
/// </summary>
public sealed class ServerFlagCatalogueSpecs
{
    // The catalogue notes that mean "not a serving run": detaching, or print-and-exit / check-and-exit.
    private static readonly System.Text.RegularExpressions.Regex NotServing = new(
        @"background|detach the master|print .*exit 0|print usage|then exit: 0", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static TheoryData<string, string> Backends() => new()
    {
        { "waitress.tsv", nameof(ServerBackends.Waitress) },
        { "gunicorn.tsv", nameof(ServerBackends.Gunicorn) },
        { "uvicorn.tsv", nameof(ServerBackends.Uvicorn) },
        { "granian.tsv", nameof(ServerBackends.Granian) },
        { "celery-worker.tsv", nameof(ServerBackends.CeleryWorker) },
        { "celery-beat.tsv", nameof(ServerBackends.CeleryBeat) },
        { "django-tasks-db_worker.tsv", nameof(ServerBackends.DjangoTasks) },
        { "django-q2-qcluster.tsv", nameof(ServerBackends.DjangoQ) },
    };

    [Theory]
    [MemberData(nameof(Backends))]
    public void Every_flag_of_the_catalogue_that_detaches_or_exits_is_refused_in_extra_args(string catalogue, string backendName)
    {
        var backend = ServerBackends.Find(backendName)!;
        var refusedRows = ReferenceTsv.Read(catalogue).Rows.Where(r => NotServing.IsMatch(r.Note)).ToList();
        Assert.NotEmpty(refusedRows);

        foreach (var row in refusedRows)
        {
            var problem = ServerFlagPolicy.Problem(backend.CreateDefaultArgs(), "--" + row.Flag, typedFlagsAllowed: true);
            Assert.True(problem is not null, $"--{row.Flag} ({catalogue}: {row.Note}) is not refused for {backendName}");
        }
    }

    // No args record types --help or --version, so the policy says which servers have them (an abbreviation is read as
    // one only where the server has it): the same as their catalogues.
    public static TheoryData<string, string> EveryCatalogue() => new()
    {
        { "waitress.tsv", nameof(ServerBackends.Waitress) },
        { "gunicorn.tsv", nameof(ServerBackends.Gunicorn) },
        { "uvicorn.tsv", nameof(ServerBackends.Uvicorn) },
        { "granian.tsv", nameof(ServerBackends.Granian) },
        { "daphne.tsv", nameof(ServerBackends.Daphne) },
        { "hypercorn.tsv", nameof(ServerBackends.Hypercorn) },
        { "uwsgi.tsv", nameof(ServerBackends.Uwsgi) },
        { "celery-worker.tsv", nameof(ServerBackends.CeleryWorker) },
        { "celery-beat.tsv", nameof(ServerBackends.CeleryBeat) },
        { "celery-flower.tsv", nameof(ServerBackends.CeleryFlower) },
        { "django-tasks-db_worker.tsv", nameof(ServerBackends.DjangoTasks) },
        { "django-q2-qcluster.tsv", nameof(ServerBackends.DjangoQ) },
        { "django-rq-rqworker.tsv", nameof(ServerBackends.RqWorker) },
    };

    [Theory]
    [MemberData(nameof(EveryCatalogue))]
    public void The_untyped_print_and_exit_flags_of_a_backend_are_those_of_its_catalogue(string catalogue, string backendName)
    {
        var command = ServerBackends.Find(backendName)!.CreateDefaultArgs().Command;
        var catalogued = ReferenceTsv.Read(catalogue).Rows.Select(r => r.Flag).Where(f => f is "help" or "version");

        Assert.Equal(catalogued.Order(), ServerFlagPolicy.UntypedPrintAndExit(command).Order());
    }

    [Fact]
    public void Gunicorn_s_configuration_file_flag_is_refused_untyped()
    {
        Assert.Contains(ReferenceTsv.Read("gunicorn.tsv").Rows, r => r.Flag == "config" && r.Note.Contains("config file", StringComparison.Ordinal));
        Assert.NotNull(ServerFlagPolicy.Problem(new GunicornArgs(), "--config=/etc/x.py", typedFlagsAllowed: true));
    }
}
