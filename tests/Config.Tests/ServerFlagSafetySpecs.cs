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

    [Fact]
    public void Gunicorn_s_configuration_file_flag_is_refused_untyped()
    {
        Assert.Contains(ReferenceTsv.Read("gunicorn.tsv").Rows, r => r.Flag == "config" && r.Note.Contains("config file", StringComparison.Ordinal));
        Assert.NotNull(ServerFlagPolicy.Problem(new GunicornArgs(), "--config=/etc/x.py", typedFlagsAllowed: true));
    }
}
