using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ApprovalTests;
using ApprovalTests.Core;
using ApprovalTests.Reporters;

namespace ProdServer.Config.Generators.Tests.Infrastructure;

/// <summary>
/// ApprovalTests with an explicit namer: the default one finds the test's folder from PDB paths, which CI builds
/// (ContinuousIntegrationBuild, path maps to /_/) do not contain. Snapshots live in Snapshots/ next to this project.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string text, string className, [CallerMemberName] string testName = "")
    {
        // The generator's version changes with every release; a snapshot should change only when the code shape does.
        text = Regex.Replace(text, "GeneratedCode\\(\"ProdServer.Config.Generators\", \"[^\"]*\"\\)", "GeneratedCode(\"ProdServer.Config.Generators\", \"{version}\")");
        var directory = Path.Combine(TestCompilation.RepositoryRoot, "tests", "Generators.Tests", "Snapshots");
        Approvals.Verify(new ApprovalTextWriter(text, "txt"), new Namer(directory, className + "." + testName), QuietReporter.INSTANCE);
    }

    private sealed class Namer(string sourcePath, string name) : IApprovalNamer
    {
        public string SourcePath { get; } = sourcePath;

        public string Name { get; } = name;
    }
}
