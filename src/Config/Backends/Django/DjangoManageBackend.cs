namespace ProdServer.Config;

/// <summary>
/// A Django management command run as <c>python manage.py COMMAND [options]</c> from the process's working directory
/// (or <see cref="ProcessDefinition.ManagePy"/>). The project is found through <c>manage.py</c> and its settings, so these
/// backends take no <c>App</c>: setting one is an error rather than something silently ignored.
/// </summary>
/// <typeparam name="TArgs">The command's args record.</typeparam>
internal abstract class DjangoManageBackend<TArgs> : ServerBackend<TArgs>
    where TArgs : class, IServerArgs, new()
{
    /// <inheritdoc />
    public sealed override LaunchKind LaunchKind => LaunchKind.DjangoManage;

    /// <inheritdoc />
    protected override bool RequiresApp => false;

    /// <inheritdoc />
    internal sealed override LaunchPlan? CreateCheckPlan(ProcessDefinition process, LaunchPlan run) =>
        DjangoCommandCheck.For(run, Command, CommandApps, GetImportedNames(process), GetSettingsProbe(process));

    /// <summary>
    /// What <c>--check</c> asks of the project's settings besides, in the same Python start (the classes and queues
    /// django-rq's settings name for rqworker). Default: nothing.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>The probe, or <see langword="null"/>.</returns>
    private protected virtual DjangoSettingsProbe? GetSettingsProbe(ProcessDefinition process) => null;

    /// <inheritdoc />
    protected override string? ValidateApp(string app) =>
        $"App is not used by the {Name} backend: manage.py (in WorkingDirectory, or ManagePy) names the Django project, and Args:Settings its settings module. Remove App.";
}
