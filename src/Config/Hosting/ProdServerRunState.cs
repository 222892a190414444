using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>What this run was asked to start, and the exit code it ends with; shared by the entry point and the hosted service.</summary>
internal sealed class ProdServerRunState
{
    private int _exitCode;

    /// <summary>The processes named on the command line; <see langword="null"/> means the default process.</summary>
    public IReadOnlyList<string>? Selected { get; set; }

    /// <summary>
    /// The processes this command validates (see <see cref="ValidationScope"/>); set by the entry point from the command
    /// line before the options are first read. Every process unless a command narrows it.
    /// </summary>
    public ValidationScope Scope { get; set; } = ValidationScope.Everything;

    /// <summary>Whether <c>--all</c> was given: the control socket opens then even for one process.</summary>
    public bool All { get; set; }

    /// <summary>Server flags written after <c>--</c> on the command line; they win over configured values.</summary>
    public IReadOnlyList<string> ServerOverrides { get; set; } = [];

    /// <summary>The process the <see cref="ServerOverrides"/> are for; <see langword="null"/> means the default process.</summary>
    public string? OverrideTarget { get; set; }

    /// <summary>
    /// The mistakes in <see cref="ServerOverrides"/>, one line each, as the binder found them: typed on the command line,
    /// they are usage errors (exit 2) where the configuration's are exit 1. Set each time the options are bound.
    /// </summary>
    public IReadOnlyList<string> OverrideErrors { get; set; } = [];

    /// <summary>The <c>.env</c> files named with <c>--env-file</c>, added after every process's own <c>EnvFile</c> list.</summary>
    public IReadOnlyList<string> EnvFiles { get; set; } = [];

    /// <summary>The host's exit code: the code of the first server that exited on its own, else 0.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Records the first failure's exit code; later ones do not overwrite it.</summary>
    public void ReportExit(int code) => Interlocked.CompareExchange(ref _exitCode, code, 0);

    private readonly TaskCompletionSource<string?> _startFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Whether <c>RunProdServerAsync</c> drives this run: then a start that fails is handed to it (<see cref="StartFailed"/>)
    /// to say in one line, instead of surfacing through the host (a stack trace, or "Application started" after all).
    /// </summary>
    public bool DrivenByEntryPoint { get; set; }

    /// <summary>Completes when the start failed: with the message to print, or <see langword="null"/> when the log already said it.</summary>
    public Task<string?> StartFailed => _startFailed.Task;

    /// <summary>Hands a failed start to the entry point; returns whether one drives this run.</summary>
    public bool FailStart(string? message) => DrivenByEntryPoint && _startFailed.TrySetResult(message);
}
