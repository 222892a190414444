using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace ProdServer.Config;

/// <summary>
/// Compiles ahead of its first use the runtime's generic code that an <c>async</c> method runs when it first suspends
/// and resumes: the builder's <c>Start</c>, <c>AwaitUnsafeOnCompleted</c> and <c>GetStateMachineBox</c> over its state
/// machine, and the box that carries the state machine (<c>MoveNext</c>, its execution-context callback, …). These are
/// instantiations over the app's own types, which no ReadyToRun image of the runtime holds: the JIT compiles ~5–10
/// methods per async method the first time it runs. JIT only; best effort (what is not found is skipped).
/// </summary>
/// <remarks>
/// The box is a private type of System.Private.CoreLib (<c>AsyncTaskMethodBuilder&lt;TResult&gt;.AsyncStateMachineBox&lt;TStateMachine&gt;</c>,
/// since .NET Core 2.1), found by name: when a runtime renames it, this prepares less and nothing else changes.
/// </remarks>
internal static class AsyncPlumbingWarmup
{
    private const BindingFlags Everything = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    // The builder methods a suspending async method runs with its state machine (and awaiter) as type arguments.
    private static readonly string[] BuilderMethods = ["Start", "AwaitUnsafeOnCompleted", "GetStateMachineBox", "SetResult", "SetExistingTaskResult"];

    /// <summary>Prepares the async plumbing of every method named <paramref name="names"/> on <paramref name="type"/>.</summary>
    /// <param name="type">The type declaring the methods.</param>
    /// <param name="names">The methods' names (every overload that is <c>async</c>).</param>
    /// <returns>How many async methods were found and prepared.</returns>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    public static int Prepare(Type? type, params string[] names)
    {
        var prepared = 0;
        foreach (var method in type?.GetMethods(Everything).Where(m => names.Contains(m.Name)) ?? [])
        {
            if (method.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType is { IsGenericTypeDefinition: false } machine && Prepare(machine))
            {
                prepared++;
            }
        }

        return prepared;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    [UnconditionalSuppressMessage("Trimming", "IL2055", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Called only when RuntimeFeature.IsDynamicCodeCompiled.")]
    private static bool Prepare(Type machine)
    {
        if (machine.GetField("<>t__builder", Everything)?.FieldType is not { } builder || ResultOf(builder) is not { } result)
        {
            return false;
        }

        // The awaiters it suspends on: the compiler keeps one field per awaiter type (<>u__1, <>u__2, …).
        var awaiters = machine.GetFields(Everything).Select(f => f.FieldType).Where(t => typeof(ICriticalNotifyCompletion).IsAssignableFrom(t)).Distinct().ToList();
        var core = typeof(AsyncTaskMethodBuilder<>).MakeGenericType(result);
        if (core.GetNestedType("AsyncStateMachineBox`1", BindingFlags.NonPublic)?.MakeGenericType(result, machine) is { } box)
        {
            PrepareType(box);
            RuntimeHelpers.RunClassConstructor(box.TypeHandle);
        }

        var coreStart = Type.GetType("System.Runtime.CompilerServices.AsyncMethodBuilderCore");
        foreach (var type in new[] { builder, core, coreStart }.OfType<Type>().Distinct())
        {
            foreach (var method in type.GetMethods(Everything).Where(m => BuilderMethods.Contains(m.Name)))
            {
                var arguments = method.IsGenericMethodDefinition ? method.GetGenericArguments() : [];
                IEnumerable<MethodInfo> instances = arguments.Length switch
                {
                    0 => [method],
                    // Start<TStateMachine>, GetStateMachineBox<TStateMachine>; but the core builder's own
                    // AwaitUnsafeOnCompleted<TAwaiter>(ref TAwaiter, IAsyncStateMachineBox) takes the awaiter alone.
                    1 when IsAwaiterParameter(arguments[0]) => awaiters.Select(a => Instantiate(method, a)!),
                    1 => [Instantiate(method, machine)!],
                    _ => awaiters.Select(a => Instantiate(method, a, machine)!),
                };
                foreach (var instance in instances.Where(i => i is not null))
                {
                    PrepareQuietly(instance, type);
                }
            }
        }

        foreach (var awaiter in awaiters)
        {
            if (awaiter.GetMethod("GetResult") is { } getResult)
            {
                PrepareQuietly(getResult, awaiter);
            }
        }

        // Completing the method's task: SetResult hands the result to these (over the result type, shared for reference
        // types), and a result that is a value tuple is made with its constructor first.
        PrepareType(typeof(Task<>).MakeGenericType(result), "TrySetResult", "get_ResultOnSuccess");
        if (result.IsValueType && result.IsGenericType)
        {
            PrepareType(result, ConstructorInfo.ConstructorName);
        }

        return true;
    }

    /// <summary>
    /// Prepares every method and constructor <paramref name="type"/> (a closed generic type) declares, its interface
    /// methods included, which are prepared only through the interface map: listed by <c>GetMethods</c>,
    /// <c>PrepareMethod</c> accepts them and leaves them uncompiled (measured: each async box's <c>MoveNext()</c> was still
    /// compiled at its first resumption, in the middle of the stop). Best effort, JIT only.
    /// </summary>
    /// <param name="type">The type.</param>
    /// <param name="names">Only the methods of these names; none given: every one.</param>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Best effort under the JIT: a trimmed-away member is skipped.")]
    internal static void PrepareType(Type type, params string[] names)
    {
        bool Wanted(MethodBase method) => names.Length == 0 || names.Contains(method.Name);

        foreach (var member in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)).Where(Wanted))
        {
            PrepareQuietly(member, type);
        }

        foreach (var target in type.GetInterfaces().SelectMany(i => type.GetInterfaceMap(i).TargetMethods).Where(m => m.DeclaringType == type && Wanted(m)).Distinct())
        {
            PrepareQuietly(target, type);
        }
    }

    // A generic parameter constrained to an awaiter (TAwaiter : ICriticalNotifyCompletion), not to a state machine.
    private static bool IsAwaiterParameter(Type parameter) =>
        parameter.GetGenericParameterConstraints().Any(c => c == typeof(ICriticalNotifyCompletion) || c == typeof(INotifyCompletion));

    // Task<T>'s, ValueTask's and plain Task's builders all run on AsyncTaskMethodBuilder<T> (VoidTaskResult for none).
    private static Type? ResultOf(Type builder) =>
        builder == typeof(AsyncTaskMethodBuilder) || builder == typeof(AsyncValueTaskMethodBuilder)
            ? Type.GetType("System.Threading.Tasks.VoidTaskResult")
            : builder.IsGenericType && (builder.GetGenericTypeDefinition() == typeof(AsyncTaskMethodBuilder<>) || builder.GetGenericTypeDefinition() == typeof(AsyncValueTaskMethodBuilder<>))
                ? builder.GetGenericArguments()[0]
                : null;

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Called only when RuntimeFeature.IsDynamicCodeCompiled.")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "Best effort under the JIT.")]
    private static MethodInfo? Instantiate(MethodInfo method, params Type[] arguments)
    {
        try
        {
            return method.MakeGenericMethod(arguments);
        }
        catch (ArgumentException)
        {
            return null; // a constraint the awaiter does not meet: not a method this machine calls
        }
    }

    /// <summary>Prepares <paramref name="method"/> of <paramref name="declaring"/> (a closed type), or nothing when the runtime refuses it.</summary>
    /// <param name="method">The method.</param>
    /// <param name="declaring">Its declaring type, whose generic arguments instantiate it.</param>
    internal static void PrepareQuietly(MethodBase method, Type declaring)
    {
        if (method.IsAbstract || method.ContainsGenericParameters)
        {
            return;
        }

        try
        {
            var instantiation = declaring.GetGenericArguments().Concat(method.IsGenericMethod ? method.GetGenericArguments() : []).Select(t => t.TypeHandle).ToArray();
            RuntimeHelpers.PrepareMethod(method.MethodHandle, instantiation);
        }
        catch (Exception ex) when (ex is ArgumentException or TypeLoadException or NotSupportedException or BadImageFormatException)
        {
            // Not preparable here (a runtime-provided method, an instantiation it rejects): it is compiled when first run.
        }
    }
}
