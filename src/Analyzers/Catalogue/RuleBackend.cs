namespace ProdServer.Config.Analyzers;

/// <summary>A backend as the rules see it: its configuration name, its args record, and the interface its app speaks.</summary>
internal sealed class RuleBackend
{
    public RuleBackend(string name, string argsTypeName, string? appInterface, AppTargetForm appTargetForm = AppTargetForm.ModuleObject)
    {
        Name = name;
        ArgsTypeName = argsTypeName;
        AppInterface = appInterface;
        AppTargetForm = appTargetForm;
    }

    /// <summary>The backend's name in configuration (<c>"Backend": "Waitress"</c>).</summary>
    public string Name { get; }

    /// <summary>The args record's metadata name (<c>ProdServer.Config.WaitressArgs</c>), which the analyzers resolve.</summary>
    public string ArgsTypeName { get; }

    /// <summary>What the app target must be: <see cref="AppTargets.Wsgi"/>, <see cref="AppTargets.Asgi"/>, or <see langword="null"/> for servers that run no web app.</summary>
    public string? AppInterface { get; }

    /// <summary>The app targets the server imports, as PSC0103 and the backend's start-up check accept them.</summary>
    public AppTargetForm AppTargetForm { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
