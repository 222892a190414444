namespace ProdServer.Config.Generators.Model;

/// <summary>One <c>[ServerBuilder]</c> of a record: the <c>Use…</c> methods to emit. Texts are XML documentation fragments.</summary>
/// <param name="MethodName">The methods' name, for example <c>UseWaitress</c>.</param>
/// <param name="Backend">The <c>ServerBackends</c> property the methods pass on.</param>
/// <param name="Summary">The summary of the ProcessBuilder method.</param>
/// <param name="Declares">The end of "Declares the <c>web</c> process, …".</param>
/// <param name="AppDoc">The app parameter's documentation; empty when there is no app parameter.</param>
/// <param name="AppParameter">The app parameter's name.</param>
/// <param name="ConfigureDoc">The configure parameter's documentation.</param>
/// <param name="ProcessName">The default process name; empty for <c>ProdServerBuilder.DefaultProcessName</c>.</param>
/// <param name="SummaryWithoutApp">When not empty, the summary of overloads without the app parameter.</param>
/// <param name="DeclaresWithoutApp">The end of "Declares the <c>web</c> process, …" for the overload without the app.</param>
internal sealed record BuilderModel(
    string MethodName,
    string Backend,
    string Summary,
    string Declares,
    string AppDoc,
    string AppParameter,
    string ConfigureDoc,
    string ProcessName,
    string SummaryWithoutApp,
    string DeclaresWithoutApp);
