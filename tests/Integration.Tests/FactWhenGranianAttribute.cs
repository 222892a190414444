using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>
/// A fact that runs only when a <c>granian</c> executable is on <c>PATH</c> (granian has no Debian package), and otherwise reports
/// itself skipped with the reason, so a machine with granian installed runs the real-binary test.
/// </summary>
public sealed class FactWhenGranianAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when granian is not found.</summary>
    public FactWhenGranianAttribute()
    {
        if (Executable is null)
        {
            Skip = "granian is not on PATH (it has no Debian package; pip install granian to run this test).";
        }
    }

    /// <summary>The full path of <c>granian</c> on <c>PATH</c>, or <see langword="null"/>.</summary>
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "granian.exe" : "granian"))
        .FirstOrDefault(File.Exists);
}
