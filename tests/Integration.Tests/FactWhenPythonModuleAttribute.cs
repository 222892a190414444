using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// A fact that runs only when Debian's interpreter can import <c>module</c> (servers with no Debian package, such as
/// django-tasks-db); otherwise xunit reports it skipped with the reason, so the gap stays visible instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FactWhenPythonModuleAttribute : FactAttribute
{
    private static readonly ConcurrentDictionary<string, bool> Importable = new(StringComparer.Ordinal);

    /// <summary>Creates the attribute.</summary>
    /// <param name="module">The module that must be importable, for example <c>django_tasks_db</c>.</param>
    /// <param name="installHint">How to install it, for the skip message.</param>
    public FactWhenPythonModuleAttribute(string module, string installHint)
    {
        if (!Importable.GetOrAdd(module, CanImport))
        {
            Skip = $"{Python.Debian} cannot import {module}; {installHint} to run this test.";
        }
    }

    private static bool CanImport(string module)
    {
        try
        {
            var info = new ProcessStartInfo(Python.Debian) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import " + module);
            using var process = Process.Start(info)!;
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no interpreter at all
        }
    }
}
