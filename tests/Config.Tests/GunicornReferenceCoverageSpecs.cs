using System;
using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="GunicornArgs"/> against the option catalogue of gunicorn (<c>../shared/reference/gunicorn.tsv</c>).</summary>
public sealed class GunicornReferenceCoverageSpecs : ReferenceCoverageSpecs<GunicornArgs>
{
    /// <inheritdoc />
    protected override string CatalogueFile => "gunicorn.tsv";

    // Catalogue flags that deliberately have no GunicornArgs property. Keep each one justified.
    // (--tolerate-dangerous-framing is marked "removed" in the catalogue — a Debian 20.1.0 patch only — so it is not listed.)
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["help"] = "prints usage and exits: not a serving option; the entry point has its own --help",
        ["version"] = "prints the version and exits: not a serving option; ProdServer reads the version itself when it must",
    };

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, FlagKind> KindExceptions { get; } = new Dictionary<string, FlagKind>(StringComparer.Ordinal)
    {
        // An alias or a dotted class path (uvicorn.workers.UvicornWorker is the usual ASGI choice), so text, checked by the validator.
        ["worker-class"] = FlagKind.String,
    };
}
