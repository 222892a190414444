using System;
using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="WaitressArgs"/> against the option catalogue of waitress-serve (<c>../shared/reference/waitress.tsv</c>).</summary>
public sealed class WaitressReferenceCoverageSpecs : ReferenceCoverageSpecs<WaitressArgs>
{
    /// <inheritdoc />
    protected override string CatalogueFile => "waitress.tsv";

    // Catalogue flags that deliberately have no WaitressArgs property. Keep each one justified.
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["help"] = "prints usage and exits: not a serving option; the entry point has its own --help",
    };
}
