using System;
using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="HypercornArgs"/> against the option catalogue of hypercorn (<c>../shared/reference/hypercorn.tsv</c>).</summary>
public sealed class HypercornReferenceCoverageSpecs : ReferenceCoverageSpecs<HypercornArgs>
{
    /// <inheritdoc />
    protected override string CatalogueFile => "hypercorn.tsv";

    // Catalogue flags that deliberately have no HypercornArgs property. Keep each one justified.
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["help"] = "prints usage and exits: not a serving option",
        ["access-log"] = "deprecated spelling of --access-logfile (AccessLogfile), with a DeprecationWarning",
        ["error-log"] = "deprecated spelling of --error-logfile (ErrorLogfile), with a DeprecationWarning",
        ["cert-reqs"] = "deprecated; hypercorn converts it to --verify-mode (VerifyMode) with a warning",
    };
}
