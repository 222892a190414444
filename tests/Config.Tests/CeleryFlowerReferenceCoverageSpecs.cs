using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="CeleryFlowerArgs"/> against <c>celery-flower.tsv</c> (flower 2.1.0's tornado options, celery's global ones included).</summary>
public sealed class CeleryFlowerReferenceCoverageSpecs : ReferenceCoverageSpecs<CeleryFlowerArgs>
{
    protected override string CatalogueFile => "celery-flower.tsv";

    // Tornado options: --x is true, --x=false is false; two of them default to on, so both directions are written.
    protected override IReadOnlySet<string> ValueSwitches { get; } = new HashSet<string>
    {
        "debug", "persistent", "xheaders", "auto-refresh", "enable-events", "natural-time", "read-only", "log-to-stderr",
    };

    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>
    {
        ["app"] = "the process's App; the backend writes it as --app before the subcommand",
        ["version"] = "prints the version and exits: not a serving option",
        ["help"] = "prints usage and exits: not a serving option",
    };
}
