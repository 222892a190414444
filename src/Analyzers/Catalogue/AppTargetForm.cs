namespace ProdServer.Config.Analyzers;

/// <summary>The app targets a server imports: what PSC0103 at build time and the backend's start-up check both accept.</summary>
internal enum AppTargetForm
{
    /// <summary><c>module:object</c> (uvicorn, daphne, hypercorn; and a backend the rules do not know).</summary>
    ModuleObject,

    /// <summary><c>module:object</c> with ASCII names only: waitress matches the target with its own ASCII pattern before it imports.</summary>
    AsciiModuleObject,

    /// <summary><c>module</c>, <c>module:name</c> or <c>module:factory(args)</c>, the object one name, no attribute chain (gunicorn: the object defaults to <c>application</c>).</summary>
    ModuleOrCall,

    /// <summary><c>module</c>, <c>module:object</c> or <c>path/to/file.py[:object]</c> (granian).</summary>
    ModuleOrFile,
}
