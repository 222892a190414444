using System;
using System.Linq;
using FluentValidation;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// A backend of your own checks its args with a FluentValidation validator (<c>CreateArgsValidator</c>), beside the
/// ranges its flags declare; the built-in backends' rules are plain conditions (<see cref="ArgsProblems"/>) and need none.
/// </summary>
public sealed class CustomBackendValidationSpecs
{
    // A server of your own that refuses a few threads, as a user's backend would, with a FluentValidation rule.
    private sealed class ValidatedBackend : ServerBackend<WaitressArgs>
    {
        public int ValidatorsCreated { get; private set; }

        public override string Name => "Validated";

        public override string Command => "waitress-serve";

        public override string InstallHint => "pip install waitress";

        protected override IValidator<WaitressArgs> CreateArgsValidator()
        {
            ValidatorsCreated++;
            var validator = new InlineValidator<WaitressArgs>();
            validator.RuleFor(a => a.Threads).Must(t => t is null or >= 8).WithMessage("Threads must be at least 8 here.");
            return validator;
        }
    }

    // The same server with no rules of its own: the default CreateArgsValidator gives none.
    private sealed class UncheckedBackend : ServerBackend<WaitressArgs>
    {
        public override string Name => "Unchecked";

        public override string Command => "waitress-serve";

        public override string InstallHint => "pip install waitress";
    }

    [Fact]
    public void A_custom_validator_reports_under_the_args_key_and_is_built_once()
    {
        var backend = new ValidatedBackend();
        var process = new ProcessDefinition("web", backend) { App = "mysite.wsgi:application", Args = new WaitressArgs { Threads = 2 } };

        var first = backend.Validate(process);
        var second = backend.Validate(process);

        var problem = Assert.Single(first);
        Assert.Equal(new SettingProblem("Args:Threads", "Threads must be at least 8 here."), problem);
        Assert.Equal(first, second);
        Assert.Equal(1, backend.ValidatorsCreated);
    }

    [Fact]
    public void A_backend_without_a_validator_still_checks_the_declared_ranges()
    {
        var backend = new UncheckedBackend();
        var fine = new ProcessDefinition("web", backend) { App = "mysite.wsgi:application", Args = new WaitressArgs { Threads = 2 } };
        var outOfRange = new ProcessDefinition("web", backend) { App = "mysite.wsgi:application", Args = new WaitressArgs { Threads = 0 } };

        Assert.Empty(backend.Validate(fine));
        Assert.Contains(backend.Validate(outOfRange), p => p.Key == "Args:Threads");
    }

    [Fact]
    public void An_entry_of_a_list_is_reported_by_its_index_and_an_unset_list_has_none()
    {
        var found = new ArgsProblems(new WaitressArgs());

        found.Each(["ok", "bad", "ok", "bad"], "Listen", e => e == "ok", e => $"'{e}' is not ok.");
        found.Each(null, "Listen", _ => false, _ => "never");

        Assert.Equal(["Listen[1]", "Listen[3]"], found.Found.Select(p => p.Key));
        Assert.All(found.Found, p => Assert.Equal("'bad' is not ok.", p.Message));
    }

    [Fact]
    public void A_built_in_backend_reports_a_list_entry_under_its_configuration_key()
    {
        var options = new ProdServerOptions();
        var process = options.GetOrAdd("web", ServerBackends.Waitress);
        process.App = "mysite.wsgi:application";
        process.Args = new WaitressArgs { Listen = ["127.0.0.1:8000", "nowhere"] };

        var failure = Assert.Single(ProdServerOptionsValidator.Failures(options, ValidationScope.Everything), f => f.Contains("Listen", StringComparison.Ordinal));

        Assert.EndsWith("(ProdServer:Processes:web:Args:Listen:1)", failure, StringComparison.Ordinal);
        Assert.Contains("Listen entry 'nowhere' must be HOST:PORT", failure, StringComparison.Ordinal);
    }
}
