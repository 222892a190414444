using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="DjangoQArgs"/> against <c>django-q2-qcluster.tsv</c> (django-q2 1.11.0 plus Django's base options).</summary>
public sealed class DjangoQReferenceCoverageSpecs : ReferenceCoverageSpecs<DjangoQArgs>
{
    protected override string CatalogueFile => "django-q2-qcluster.tsv";

    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>
    {
        ["version"] = "prints Django's version and exits: not a serving option",
        ["help"] = "prints usage and exits: not a serving option",
    };
}
