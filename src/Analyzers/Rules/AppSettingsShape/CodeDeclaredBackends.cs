using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The backend each process is given in code (<c>o.UseGunicorn(...)</c>, <c>o.Process("worker").UseCeleryWorker(...)</c>),
/// gathered over the whole compilation, for the appsettings*.json sections that set a process's <c>Args</c> without naming
/// its backend: the template's and the sample's way (the backend in Startup.cs, a value changed per deployment in the file),
/// which the host binds onto the backend from code. Read once the compilation is analysed (a compilation-end action), since
/// the calls can be in any file.
/// </summary>
internal sealed class CodeDeclaredBackends
{
    // A name declared with two different backends (code that chooses at run time) has no one backend: "" stands for that.
    private const string Ambiguous = "";

    private readonly ConcurrentDictionary<string, string> _byProcess = new(StringComparer.OrdinalIgnoreCase);

    private CodeDeclaredBackends()
    {
    }

    /// <summary>
    /// Starts gathering the compilation's <c>Use…</c> calls; where ProdServer.Config's builders are not referenced there is
    /// none to gather, and no process has a backend from code.
    /// </summary>
    public static CodeDeclaredBackends Gather(CompilationStartAnalysisContext start)
    {
        var declared = new CodeDeclaredBackends();
        if (UseCalls.Of(start.Compilation) is { } calls)
        {
            start.RegisterOperationAction(c => declared.Add(c, calls), OperationKind.Invocation);
        }

        return declared;
    }

    /// <summary>The backend (a <c>ServerBackends</c> name) code gives <paramref name="process"/>, or <see langword="null"/> when none or more than one.</summary>
    public string? Of(string process) => _byProcess.TryGetValue(process, out var backend) && backend != Ambiguous ? backend : null;

    private void Add(OperationAnalysisContext context, UseCalls calls)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!calls.IsUse(invocation) || calls.ProcessName(invocation).Name is not { } process)
        {
            return;
        }

        var backend = UseCalls.Backend(invocation);
        _byProcess.AddOrUpdate(process, backend, (_, seen) => string.Equals(seen, backend, StringComparison.Ordinal) ? seen : Ambiguous);
    }
}
