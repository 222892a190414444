using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="DjangoTasksArgs"/> against <c>django-tasks-db_worker.tsv</c> (django-tasks-db 0.12.0 plus Django's base options).</summary>
public sealed class DjangoTasksReferenceCoverageSpecs : ReferenceCoverageSpecs<DjangoTasksArgs>
{
    protected override string CatalogueFile => "django-tasks-db_worker.tsv";

    protected override string FirstRelease => "0.1.0"; // django-tasks' first release, whose flags every install has

    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>
    {
        ["version"] = "prints Django's version and exits: not a serving option",
        ["help"] = "prints usage and exits: not a serving option",
    };
}
