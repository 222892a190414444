using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProdServer.Config.Generators.Tests.Infrastructure;

/// <summary>
/// WaitressArgs, MyServerArgs, the contract sources and the generated code, compiled and loaded once, so that tests can
/// run the generated translator for real. Reflection is used only here, in the tests; the library itself never reflects.
/// </summary>
internal static class GeneratedAssembly
{
    private static readonly Lazy<Assembly> LazyAssembly = new(Build);

    public static Assembly Assembly => LazyAssembly.Value;

    public static Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Creates a record and sets properties by name; an enum value is given as "EnumType.Member", a list as an array.</summary>
    public static object Create(string fullName, params (string Property, object? Value)[] values) =>
        Create(Type(fullName), values);

    /// <summary>As <see cref="Create(string, ValueTuple{string, object}[])"/>, for a type of any loaded assembly.</summary>
    public static object Create(Type type, params (string Property, object? Value)[] values)
    {
        var fullName = type.FullName;
        var instance = Activator.CreateInstance(type)!;
        foreach (var (name, value) in values)
        {
            var property = type.GetProperty(name) ?? throw new ArgumentException($"{fullName} has no property {name}.");
            property.SetValue(instance, Convert(value, property.PropertyType));
        }

        return instance;
    }

    /// <summary>Calls IServerArgs.AppendArguments.</summary>
    public static List<string> Argv(object args)
    {
        var argv = new List<string>();
        Invoke(args, "AppendArguments", argv);
        return argv;
    }

    public static object? Invoke(object args, string method, params object?[] arguments)
    {
        var serverArgs = args.GetType().Assembly.GetType("ProdServer.Config.IServerArgs", throwOnError: true)!;
        try
        {
            return serverArgs.GetMethod(method)!.Invoke(args, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    public static object? Get(object instance, string property, Type? declaringType = null) =>
        (declaringType ?? instance.GetType()).GetProperty(property)!.GetValue(instance);

    private static object? Convert(object? value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is string member && underlying.IsEnum)
        {
            return Enum.Parse(underlying, member);
        }

        if (value is string[] members && target.IsGenericType && target.GetGenericArguments()[0] is { IsEnum: true } enumType)
        {
            var array = Array.CreateInstance(enumType, members.Length);
            for (var i = 0; i < members.Length; i++)
            {
                array.SetValue(Enum.Parse(enumType, members[i]), i);
            }

            return array;
        }

        return value;
    }

    private static Assembly Build() => Compile(includeWaitress: true, Sources.MyServerArgs);

    /// <summary>Compiles the contract, <paramref name="userSources"/> and what the generator makes of them, and loads the result.</summary>
    public static Assembly Compile(bool includeWaitress, params string[] userSources)
    {
        var result = GeneratorHarness.Run(TestCompilation.Create(includeWaitress, userSources));
        using var stream = new MemoryStream();
        var emit = result.OutputCompilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;

        // Collectible, so the test host is not left holding a second copy of the contract types for good.
        return new AssemblyLoadContext("generated-args", isCollectible: true).LoadFromStream(stream);
    }
}
