using System;
using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="UwsgiArgs"/> against the selection of uWSGI options for a Python app (<c>../shared/reference/uwsgi.tsv</c>).</summary>
public sealed class UwsgiReferenceCoverageSpecs : ReferenceCoverageSpecs<UwsgiArgs>
{
    /// <inheritdoc />
    protected override string CatalogueFile => "uwsgi.tsv";

    // Catalogue flags that deliberately have no UwsgiArgs property. Keep each one justified.
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["help"] = "prints the options and exits: not a serving option",
        ["version"] = "prints the version and exits: not a serving option",
        ["daemonize"] = "detaches uwsgi from the supervisor, which would see it exit at once; refused in ExtraArgs too",
    };
}
