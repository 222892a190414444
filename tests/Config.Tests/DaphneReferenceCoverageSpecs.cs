using System;
using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="DaphneArgs"/> against the option catalogue of daphne (<c>../shared/reference/daphne.tsv</c>).</summary>
public sealed class DaphneReferenceCoverageSpecs : ReferenceCoverageSpecs<DaphneArgs>
{
    /// <inheritdoc />
    protected override string CatalogueFile => "daphne.tsv";

    // Catalogue flags that deliberately have no DaphneArgs property. Keep each one justified.
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["help"] = "prints usage and exits: not a serving option",
    };
}
