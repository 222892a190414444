using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// Every backend registered in <see cref="ServerBackends"/> comes complete (issue 16): a docs page, a reference-coverage
/// test against its option catalogue, and a validator with rules. Data-driven: a new backend passes by adding its own
/// files (<c>docs/backends/&lt;kebab-name&gt;.md</c>, a <c>*ReferenceCoverageSpecs</c>, its validator), nothing here.
/// </summary>
public sealed partial class BackendCompletenessSpecs
{
    // Backends with no option catalogue in ../shared/reference, each with the reason. Keep it short and justified.
    private static readonly Dictionary<string, string> NoCatalogue = new(StringComparer.Ordinal)
    {
        ["DjangoDevServer"] = "Django's runserver is for development only and has no catalogue in ../shared/reference; " +
            "its options are Django's own, covered by DjangoDevServerTranslationSpecs",
    };

    public static TheoryData<string> Backends()
    {
        var data = new TheoryData<string>();
        foreach (var name in ServerBackends.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_registered_backend_has_a_docs_page(string name)
    {
        var page = Path.Combine(Repository.Root, "docs", "backends", DocsPage(name));

        Assert.True(File.Exists(page), $"Backend {name} has no docs page: add {Path.GetRelativePath(Repository.Root, page)}.");
        Assert.StartsWith("# ", File.ReadLines(page).First(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_registered_backend_has_reference_coverage_against_its_catalogue_or_a_stated_exemption(string name)
    {
        var argsType = ServerBackends.Find(name)!.CreateDefaultArgs().GetType();
        var coverage = CoverageSpecs().Where(t => t.BaseType!.GetGenericArguments()[0] == argsType).ToList();
        if (NoCatalogue.ContainsKey(name))
        {
            Assert.True(coverage.Count == 0, $"{name} has {string.Join(", ", coverage.Select(t => t.Name))} now: drop its exemption here.");
            return;
        }

        var spec = Assert.Single(coverage);
        var catalogue = (string)spec.GetProperty("CatalogueFile", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(Activator.CreateInstance(spec))!;
        Assert.True(File.Exists(Repository.SharedReference(catalogue)));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_registered_backend_checks_its_args_with_rules_of_its_own(string name)
    {
        var backend = ServerBackends.Find(name)!;
        var args = backend.CreateDefaultArgs();
        var extraArgs = args.GetType().GetProperty("ExtraArgs");
        Assert.True(extraArgs is not null, $"{args.GetType().Name} has no ExtraArgs: a setting it lacks could not be passed to the server.");

        // A short option is refused by every backend's rules (ExtraArgs are long flags on one line).
        extraArgs!.SetValue(args, new[] { "-x" });
        var process = new ProcessDefinition("web", backend) { App = "mysite.wsgi:application", Args = args };

        Assert.Contains(backend.Validate(process), p => p.Key == "Args:ExtraArgs[0]");
    }

    [Fact]
    public void Every_page_in_docs_backends_documents_a_registered_backend()
    {
        var pages = ServerBackends.Names.Select(DocsPage).ToHashSet();
        var orphans = Directory.GetFiles(Path.Combine(Repository.Root, "docs", "backends"), "*.md").Select(Path.GetFileName).Where(p => !pages.Contains(p!));

        Assert.Empty(orphans);
    }

    // The page of a backend: its name in kebab case, its WSGI variant sharing the page of the ASGI one
    // (UvicornWsgi → uvicorn.md, CeleryWorker → celery-worker.md, DjangoDevServer → django-dev-server.md).
    private static string DocsPage(string name)
    {
        var family = name.EndsWith("Wsgi", StringComparison.Ordinal) && name.Length > "Wsgi".Length ? name[..^"Wsgi".Length] : name;
        return WordStart().Replace(family, "-$1").ToLowerInvariant() + ".md";
    }

    private static IEnumerable<Type> CoverageSpecs() =>
        typeof(BackendCompletenessSpecs).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ReferenceCoverageSpecs<>));

    [GeneratedRegex("(?<=.)([A-Z])")]
    private static partial Regex WordStart();
}
