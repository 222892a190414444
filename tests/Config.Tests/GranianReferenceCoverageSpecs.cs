using System;
using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="GranianArgs"/> against the option catalogue of granian (<c>../shared/reference/granian.tsv</c>).</summary>
public sealed class GranianReferenceCoverageSpecs : ReferenceCoverageSpecs<GranianArgs>
{
    /// <inheritdoc />
    protected override string CatalogueFile => "granian.tsv";

    // Catalogue flags that deliberately have no GranianArgs property. Keep each one justified.
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["help"] = "prints usage and exits: not a serving option",
        ["version"] = "prints the version and exits: not a serving option",
        ["interface"] = "written by the backend (--interface=asgi for UseGranian, --interface=wsgi for UseGranianWsgi), because granian's default rsgi is a protocol Django does not speak",
    };
}
