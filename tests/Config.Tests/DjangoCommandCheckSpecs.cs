using System;
using System.Threading.Tasks;
using ProdServer.Config.Tests.Infrastructure;
using static ProdServer.Config.Tests.Infrastructure.CheckedProject;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// <c>--check</c> of a Django management command asks the Django that manage.py sets up whether it has the command, and
/// imports the classes the command's settings name: <c>manage.py check</c> alone passed a qcluster whose app was not in
/// INSTALLED_APPS, and every start then failed with <c>Unknown command: 'qcluster'</c>. Run for real with Debian's
/// Python, Django 3.2, django-q and django-rq, on a fixture project whose default settings leave both apps out.
/// </summary>
public sealed class DjangoCommandCheckSpecs : IDisposable
{
    private const string WithApps = "cmdsite.settings_apps";

    private readonly CheckedProject _site = CheckedProject.InCommandSite();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_command_whose_app_is_installed_but_not_in_INSTALLED_APPS_fails_the_check_naming_the_app_to_add()
    {
        var (code, _, error) = await _site.CheckAsync(o => o.Process("q").UseDjangoQ().Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'q': manage.py has no command 'qcluster', which the DjangoQ backend runs: django_q is installed for {Python} but not in INSTALLED_APPS of the settings manage.py loads; add 'django_q' to INSTALLED_APPS."],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_command_whose_package_the_python_lacks_fails_the_check_naming_what_to_install()
    {
        // Debian ships no django-tasks: db_worker is nowhere.
        var (code, _, error) = await _site.CheckAsync(o => o.Process("t").UseDjangoTasks(t => t with { QueueName = ["default"] }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        var line = Assert.Single(EntryPoint.Lines(error));
        Assert.StartsWith($"Process 't': manage.py has no command 'db_worker', which the DjangoTasks backend runs: {Python} has no module django_tasks_db or django_tasks; install it for that Python (pip install django-tasks-db", line, StringComparison.Ordinal);
        Assert.EndsWith("or set Python or Venv to one that has it (ProdServer:Processes:t:Python).", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_whose_apps_are_installed_pass_with_the_command_said_and_djangos_own_commands_too()
    {
        var (code, output, error) = await _site.CheckAsync(o =>
        {
            o.Process("q").UseDjangoQ(q => q with { Settings = WithApps }).Python(Python);
            o.Process("rq").UseRqWorker(r => r with { Settings = WithApps, WorkerClass = "cmdsite.jobs.QuietWorker", JobClass = "cmdsite.jobs.AuditedJob" }).Python(Python);
            o.Process("dev").UseDjangoDevServer("127.0.0.1:19201").Python(Python);
        });

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"q: valid, and {Python} {_site.Root}/manage.py check --settings={WithApps} passed, and manage.py has the command 'qcluster'\n", output, StringComparison.Ordinal);
        Assert.Contains(
            $"rq: valid, and {Python} {_site.Root}/manage.py check --settings={WithApps} passed, and manage.py has the command 'rqworker', and Args:WorkerClass, Args:JobClass imported\n",
            output, StringComparison.Ordinal);
        Assert.Contains($"dev: valid, and {Python} {_site.Root}/manage.py check passed, and manage.py has the command 'runserver'\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classes_the_worker_would_import_at_start_fail_the_check_one_line_each_naming_the_key()
    {
        var (code, _, error) = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with
        {
            Settings = WithApps,
            WorkerClass = "cmdsite.jobs.QuietWorker",
            QueueClass = "rq_extras.queues.FairQueue",
            JobClass = "cmdsite.jobs.AuditJob",
        }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [
                $"Process 'rq': Args:QueueClass 'rq_extras.queues.FairQueue', which rqworker imports at start, cannot be imported by {Python}: ModuleNotFoundError: No module named 'rq_extras'.",
                $"Process 'rq': Args:JobClass 'cmdsite.jobs.AuditJob', which rqworker imports at start, cannot be imported by {Python}: AttributeError: module 'cmdsite.jobs' has no attribute 'AuditJob'.",
            ],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task Settings_that_do_not_load_still_fail_with_djangos_own_answer()
    {
        var (code, _, error) = await _site.CheckAsync(o => o.Process("q").UseDjangoQ(q => q with { Settings = "cmdsite.nosuchsettings" }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("Process 'q': the server's own check failed (exit code 1): ", error, StringComparison.Ordinal);
        Assert.Contains("manage.py check --settings=cmdsite.nosuchsettings", error, StringComparison.Ordinal);
        Assert.Contains("No module named 'cmdsite.nosuchsettings'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classes_the_RQ_settings_name_fail_the_check_one_line_each_naming_the_setting()
    {
        // A queue's QUEUE_CLASS comes before RQ's; "high" names one that imports.
        var (code, _, error) = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with
        {
            Settings = "cmdsite.settings_rq", Queues = ["default", "low", "high"],
        }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        const string Loads = "of the settings manage.py loads";
        Assert.Equal(
            [
                $"Process 'rq': RQ['WORKER_CLASS'] {Loads} (Args:WorkerClass is not set), which rqworker imports at start, cannot be imported by {Python}: AttributeError: module 'cmdsite.jobs' has no attribute 'LoudWorker'.",
                $"Process 'rq': RQ['JOB_CLASS'] {Loads} (Args:JobClass is not set), which rqworker imports at start, cannot be imported by {Python}: ModuleNotFoundError: No module named 'rq_extras'.",
                $"Process 'rq': RQ_QUEUES['default']['QUEUE_CLASS'] {Loads} (Args:QueueClass is not set), which rqworker imports at start, cannot be imported by {Python}: AttributeError: module 'cmdsite.jobs' has no attribute 'ShortQueue'.",
                $"Process 'rq': RQ['QUEUE_CLASS'] {Loads} (Args:QueueClass is not set), which rqworker imports at start, cannot be imported by {Python}: AttributeError: module 'cmdsite.jobs' has no attribute 'FairQueue'.",
                $"Process 'rq': RQ_EXCEPTION_HANDLERS[0] {Loads}, which rqworker imports at start, cannot be imported by {Python}: AttributeError: module 'cmdsite.jobs' has no attribute 'report_nowhere'.",
            ],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task Classes_given_in_Args_are_imported_instead_of_those_the_RQ_settings_name()
    {
        var (code, _, error) = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with
        {
            Settings = "cmdsite.settings_rq", Queues = ["default", "low"],
            WorkerClass = "cmdsite.jobs.QuietWorker", JobClass = "cmdsite.jobs.AuditedJob", QueueClass = "cmdsite.jobs.PriorityQueue",
        }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [$"Process 'rq': RQ_EXCEPTION_HANDLERS[0] of the settings manage.py loads, which rqworker imports at start, cannot be imported by {Python}: AttributeError: module 'cmdsite.jobs' has no attribute 'report_nowhere'."],
            EntryPoint.Lines(error));
    }

    [Fact]
    public async Task A_queue_that_is_not_a_key_of_RQ_QUEUES_fails_the_check_naming_the_entry_and_the_keys_there_are_escaped()
    {
        var named = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with { Settings = "cmdsite.settings_rq_queues", Queues = ["high", "hgih"] }).Python(Python));
        var unnamed = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with { Settings = "cmdsite.settings_rq_queues" }).Python(Python));

        // As Python's repr writes them: the escape sequence and the line break cannot reach the terminal.
        const string Keys = @"(""evil\x1b[2J\nProcess 'rq': forged"", 'high', 'low')";
        Assert.Equal(ExitCodes.InvalidConfiguration, named.Code);
        Assert.Equal(
            [$"Process 'rq': Args:Queues entry 'hgih' is not a key of RQ_QUEUES of the settings manage.py loads {Keys}, and rqworker would stop at start with a KeyError: add it to RQ_QUEUES, or correct the entry."],
            EntryPoint.Lines(named.Error));
        Assert.Equal(ExitCodes.InvalidConfiguration, unnamed.Code);
        Assert.Equal(
            [$"Process 'rq': Args:Queues is not set, so rqworker would listen on 'default', which is not a key of RQ_QUEUES of the settings manage.py loads {Keys}: set Queues to the names to listen on, or add 'default' to RQ_QUEUES."],
            EntryPoint.Lines(unnamed.Error));
    }

    [Fact]
    public async Task Settings_without_RQ_QUEUES_or_with_one_that_is_no_dict_fail_the_check_of_an_RQ_worker_naming_the_setting()
    {
        var none = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with { Settings = "cmdsite.settings_rq_none" }).Python(Python));
        var list = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with { Settings = "cmdsite.settings_rq_list" }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, none.Code);
        Assert.Equal(
            ["Process 'rq': the settings manage.py loads do not define RQ_QUEUES, which rqworker reads at start (ImproperlyConfigured): define it, with a key for each entry of Args:Queues ('default' when Queues is not set)."],
            EntryPoint.Lines(none.Error));
        Assert.Equal(ExitCodes.InvalidConfiguration, list.Code);
        Assert.Equal(
            ["Process 'rq': RQ_QUEUES of the settings manage.py loads is a list, not a dict of queue names to their connections, which rqworker looks its queues up in at start: make it a dict, with a key for each entry of Args:Queues ('default' when Queues is not set)."],
            EntryPoint.Lines(list.Error));
    }

    [Fact]
    public async Task Queues_that_one_worker_cannot_listen_on_together_fail_the_check_naming_the_entry()
    {
        // rqworker: "Queues must have the same redis connection" and "Queues must have the same class" (ValueError).
        var (code, _, error) = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with
        {
            Settings = "cmdsite.settings_rq_mixed", Queues = ["default", "same", "other", "priority"],
        }).Python(Python));
        var classGiven = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with
        {
            Settings = "cmdsite.settings_rq_mixed", Queues = ["default", "priority"], QueueClass = "cmdsite.jobs.PriorityQueue",
        }).Python(Python));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Equal(
            [
                "Process 'rq': Args:Queues entry 'other' has another Redis connection in RQ_QUEUES of the settings manage.py loads than 'default', the first entry, " +
                "and rqworker would stop at start (ValueError: Queues must have the same redis connection): run a worker for each connection.",
                "Process 'rq': Args:Queues entry 'priority' has another queue class in the settings manage.py loads than 'default', the first entry " +
                "(a queue's QUEUE_CLASS in RQ_QUEUES, else RQ['QUEUE_CLASS']), and rqworker would stop at start (ValueError: Queues must have the same class): " +
                "give the queues one class, or set Args:QueueClass.",
            ],
            EntryPoint.Lines(error));
        Assert.True(classGiven.Code == ExitCodes.Ok, classGiven.Error);
    }

    [Fact]
    public async Task A_class_reached_through_its_owner_imports_as_rq_resolves_it()
    {
        // rq's import_attribute imports the longest module prefix, then the rest as attributes (a class in a class).
        var (code, output, error) = await _site.CheckAsync(o => o.Process("rq").UseRqWorker(r => r with
        {
            Settings = WithApps, WorkerClass = "cmdsite.jobs.Workers.Quiet",
        }).Python(Python));

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("manage.py has the command 'rqworker', and Args:WorkerClass imported\n", output, StringComparison.Ordinal);
    }
}
