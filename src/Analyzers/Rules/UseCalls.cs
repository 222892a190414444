using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The <c>Use…</c> calls that give a process its backend in code: <c>o.UseWaitress(...)</c> on the
/// <c>ProdServerBuilder</c> (the process <c>web</c>), <c>o.Process("worker").UseCeleryWorker(...)</c> on a
/// <c>ProcessBuilder</c>. The backend is the method's name without <c>Use</c>, as the generated extensions are named after
/// the <c>ServerBackends</c> properties.
/// </summary>
internal sealed class UseCalls
{
    private const string ProdServerBuilderName = "ProdServer.Config.ProdServerBuilder";
    private const string ProcessBuilderName = "ProdServer.Config.ProcessBuilder";

    // Where a lambda is given the whole configuration: services.AddProdServer(o => …) and ProdServerHost.RunAsync(args, o => …).
    private const string RegistrationName = "Microsoft.Extensions.DependencyInjection.ProdServerServiceCollectionExtensions";
    private const string HostName = "Microsoft.Extensions.Hosting.ProdServerHost";

    // o.UseWaitress(...) on the ProdServerBuilder declares this process (ProdServerBuilder.DefaultProcessName).
    private const string DefaultProcessName = "web";

    private readonly INamedTypeSymbol? _registration;
    private readonly INamedTypeSymbol? _host;

    private UseCalls(INamedTypeSymbol server, INamedTypeSymbol process, INamedTypeSymbol? registration, INamedTypeSymbol? host)
    {
        Server = server;
        Process = process;
        _registration = registration;
        _host = host;
    }

    /// <summary>The <c>ProdServerBuilder</c> type.</summary>
    public INamedTypeSymbol Server { get; }

    /// <summary>The <c>ProcessBuilder</c> type.</summary>
    public INamedTypeSymbol Process { get; }

    /// <summary>The builder types of <paramref name="compilation"/>, or <see langword="null"/> when ProdServer.Config is not referenced.</summary>
    public static UseCalls? Of(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ProdServerBuilderName) is { } server && compilation.GetTypeByMetadataName(ProcessBuilderName) is { } process
            ? new UseCalls(server, process, compilation.GetTypeByMetadataName(RegistrationName), compilation.GetTypeByMetadataName(HostName))
            : null;

    /// <summary>
    /// Whether <paramref name="method"/> is given the whole configuration, <c>AddProdServer</c> or <c>ProdServerHost.Run…</c>
    /// of ProdServer.Config itself: the types are matched, not their names, so that a project's own class named
    /// <c>ProdServerHost</c> (or its own <c>AddProdServer</c>) is not taken for them.
    /// </summary>
    public bool TakesTheWholeConfiguration(IMethodSymbol method)
    {
        var type = (method.ReducedFrom ?? method).ContainingType?.OriginalDefinition;
        return (method.Name == "AddProdServer" && SymbolEqualityComparer.Default.Equals(type, _registration))
            || (method.Name.StartsWith("Run", StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(type, _host));
    }

    /// <summary>Whether <paramref name="invocation"/> is a <c>Use…</c> call on one of the builders.</summary>
    public bool IsUse(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name.StartsWith("Use", StringComparison.Ordinal)
        && invocation.TargetMethod.Name.Length > "Use".Length
        && Receiver(invocation)?.Type is { } type
        && (SymbolEqualityComparer.Default.Equals(type, Server) || SymbolEqualityComparer.Default.Equals(type, Process));

    /// <summary>The backend a <c>Use…</c> call names: <c>UseCeleryWorker</c> → <c>CeleryWorker</c>.</summary>
    public static string Backend(IInvocationOperation use) => use.TargetMethod.Name.Substring("Use".Length);

    /// <summary>
    /// The process a <c>Use…</c> call declares and where its name is written: <c>web</c> on the <c>ProdServerBuilder</c>, the
    /// literal of <c>o.Process("name")</c> before it; <see langword="null"/> when the name is not a constant here.
    /// </summary>
    public (string? Name, Location? Location) ProcessName(IInvocationOperation use)
    {
        var receiver = Receiver(use);
        if (receiver is null)
        {
            return (null, null);
        }

        if (SymbolEqualityComparer.Default.Equals(receiver.Type, Server))
        {
            return (DefaultProcessName, use.Syntax.GetLocation());
        }

        if (receiver is IInvocationOperation { TargetMethod.Name: "Process", Arguments.Length: 1 } process
            && SymbolEqualityComparer.Default.Equals(process.TargetMethod.ContainingType, Server)
            && process.Arguments[0] is { Value.ConstantValue: { HasValue: true, Value: string name } } argument)
        {
            return (name, argument.Syntax.GetLocation());
        }

        return (null, null);
    }

    /// <summary><paramref name="operation"/> without the implicit conversions around it.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance is { } instance
            ? Unwrap(instance)
            : invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? Unwrap(invocation.Arguments[0].Value) : null;
}
