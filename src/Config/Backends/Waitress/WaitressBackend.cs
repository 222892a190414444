using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>Runs a process with <c>waitress-serve [options] module:object</c>.</summary>
internal sealed partial class WaitressBackend : ServerBackend<WaitressArgs>
{
    /// <inheritdoc />
    public override string Name => "Waitress";

    /// <inheritdoc />
    internal override bool ImportsApp => true;

    /// <inheritdoc />
    public override string Command => "waitress-serve";

    /// <inheritdoc />
    public override string InstallHint => "apt-get install python3-waitress (Debian/Ubuntu) or pip install waitress";

    // The runner returns 1 on option and import errors; sys.exit passes that on (python -m waitress would exit 0).
    /// <inheritdoc />
    public override string PythonEntryPoint =>
        "import sys; sys.argv[0] = 'waitress-serve'; from waitress.runner import run; sys.exit(run())";

    /// <inheritdoc />
    private protected override void CheckArgs(WaitressArgs args, ArgsProblems found) => WaitressArgsRules.Check(args, found);

    // waitress 2.1.2 (Debian) only resolves module:object; 3.x also takes module.object, so insist on the portable form.
    /// <inheritdoc />
    protected override string? ValidateApp(string app) => AppTargetSyntax.ModuleColonObjectProblem(app, "mysite.wsgi:application", RuleBackends.Waitress.AppTargetForm);
}
