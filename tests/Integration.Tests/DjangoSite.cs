using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ProdServer.Config.Integration.Tests;

/// <summary>The test Django project (apps/djsite) with a SQLite database of its own in a temporary directory.</summary>
internal sealed class DjangoSite : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "psc-djsite-" + Guid.NewGuid().ToString("N"));

    public DjangoSite(string project = "djsite")
    {
        System.IO.Directory.CreateDirectory(_temp);
        Directory = Path.Combine(Python.AppsDirectory, project);
        Database = Path.Combine(_temp, "db.sqlite3");
    }

    /// <summary>The project directory, holding manage.py.</summary>
    public string Directory { get; }

    /// <summary>The database file, passed to the project as <c>PSC_DB</c>.</summary>
    public string Database { get; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["PSC_DB"] = Database };

    /// <summary>Runs <c>manage.py migrate</c> with Debian's interpreter, as a deployment does before starting workers.</summary>
    public async Task MigrateAsync()
    {
        var (code, output) = await TestHost.RunScriptAsync(Directory, Environment, TimeSpan.FromSeconds(120), "manage.py", "migrate", "--verbosity=0");
        Assert.True(code == 0, $"manage.py migrate failed ({code}):\n{output}");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
