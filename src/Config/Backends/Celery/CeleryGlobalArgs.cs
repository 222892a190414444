namespace ProdServer.Config;

/// <summary>
/// The global options of one celery process, as written before the subcommand word: the <see cref="CeleryCommandArgs"/> part
/// of its args, copied by the record's copy constructor. A generated record, so the flags are spelled by the same code as
/// every other. The app (<c>--app</c>, written first) is the process's <c>App</c> and is written by the backend.
/// </summary>
[ServerArgs("celery")]
internal sealed partial record CeleryGlobalArgs : CeleryCommandArgs
{
    /// <summary>Copies the global options of <paramref name="options"/>, leaving the subcommand's own behind.</summary>
    /// <param name="options">The args of a celery subcommand.</param>
    public CeleryGlobalArgs(CeleryCommandArgs options)
        : base(options)
    {
    }
}
