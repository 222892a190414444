using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProdServer.Config.Analyzers;

/// <summary>
/// The process names code declares (<c>o.UseWaitress(...)</c> declares <c>web</c>, <c>o.Process("worker")</c>,
/// <c>options.GetOrAdd("worker", …)</c>) and the ones it refers to (<c>.DependsOn("worker")</c>,
/// <c>o.DefaultProcess("worker")</c>), gathered over the whole compilation, since the calls can be in any file. A name
/// declared from a value known only at run time makes the declared names unknown: no reference is then judged.
/// </summary>
internal sealed class CodeProcessNames
{
    private const string OptionsTypeName = "ProdServer.Config.ProdServerOptions";

    private readonly UseCalls _builders;
    private readonly INamedTypeSymbol? _options;
    private volatile bool _declaresUnknownName;

    private CodeProcessNames(UseCalls builders, INamedTypeSymbol? options)
    {
        _builders = builders;
        _options = options;
    }

    /// <summary>The names declared by a constant, case-insensitive as start-up finds them.</summary>
    public ConcurrentDictionary<string, byte> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The constant names code refers to, with the setting that refers and where the name is written.</summary>
    public ConcurrentBag<ProcessReference> References { get; } = [];

    /// <summary>Whether every name code declares is a constant here.</summary>
    public bool DeclaresOnlyKnownNames => !_declaresUnknownName;

    /// <summary>
    /// Starts gathering the compilation's declarations and references; <see langword="null"/> where ProdServer.Config's
    /// builders are not referenced.
    /// </summary>
    public static CodeProcessNames? Gather(Microsoft.CodeAnalysis.Diagnostics.CompilationStartAnalysisContext start)
    {
        if (UseCalls.Of(start.Compilation) is not { } builders)
        {
            return null;
        }

        var names = new CodeProcessNames(builders, start.Compilation.GetTypeByMetadataName(OptionsTypeName));
        start.RegisterOperationAction(c => names.Add((IInvocationOperation)c.Operation), OperationKind.Invocation);
        return names;
    }

    private void Add(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (_builders.IsUse(invocation))
        {
            // o.UseWaitress(...) declares web; o.Process("worker").Use… is declared by its Process call, below.
            if (_builders.ProcessName(invocation).Name is { } name)
            {
                Declared.TryAdd(name, 0);
            }
        }
        else if (Is(method, _builders.Server, "Process") || Is(method, _options, "GetOrAdd"))
        {
            Declare(invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name")?.Value);
        }
        else if (Is(method, _builders.Process, "DependsOn"))
        {
            foreach (var argument in invocation.Arguments)
            {
                var items = UseCalls.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } list } ? list.ElementValues : [argument.Value];
                foreach (var item in items)
                {
                    Refer(item, "DependsOn");
                }
            }
        }
        else if (Is(method, _builders.Server, "DefaultProcess"))
        {
            Refer(invocation.Arguments.FirstOrDefault()?.Value, "DefaultProcess");
        }
    }

    private static bool Is(IMethodSymbol method, INamedTypeSymbol? type, string name) =>
        method.Name == name && type is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, type);

    private void Declare(IOperation? name)
    {
        if (name?.ConstantValue is { HasValue: true, Value: string constant })
        {
            Declared.TryAdd(constant, 0);
        }
        else
        {
            _declaresUnknownName = true;
        }
    }

    private void Refer(IOperation? name, string setting)
    {
        if (name?.ConstantValue is { HasValue: true, Value: string constant })
        {
            References.Add(new ProcessReference(constant, setting, name.Syntax.GetLocation()));
        }
    }
}
