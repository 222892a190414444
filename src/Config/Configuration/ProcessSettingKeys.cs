namespace ProdServer.Config;

/// <summary>
/// The keys of a process section (<c>ProdServer:Processes:NAME</c>) that the binder reads. Roslyn-free and compiled into
/// the appsettings analyzer too, so that the build-time check of unknown process keys and start-up read one list.
/// </summary>
internal static class ProcessSettingKeys
{
    /// <summary>The supervision keys (<c>Restart</c>, <c>StartSeconds</c>, <c>Readiness</c>, …).</summary>
    public static readonly string[] Supervision = ["Restart", "StartSeconds", "StartRetries", "RestartDelay", "RestartMaxDelay", "Readiness", "DependsOn", "Replicas", "Resources"];

    /// <summary>Every key of a process section, compared ignoring case as configuration does.</summary>
    public static readonly string[] All =
        ["Backend", "App", "WorkingDirectory", "Python", "Venv", "PythonPath", "ManagePy", "EnvFile", "Environment", "StopTimeout", "Args", .. Supervision];
}
