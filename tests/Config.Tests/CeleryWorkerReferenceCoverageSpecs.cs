using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="CeleryWorkerArgs"/> against <c>celery-worker.tsv</c> (celery 5.6.3's click parameters, global ones included).</summary>
public sealed class CeleryWorkerReferenceCoverageSpecs : ReferenceCoverageSpecs<CeleryWorkerArgs>
{
    protected override string CatalogueFile => "celery-worker.tsv";

    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>
    {
        ["app"] = "the process's App; the backend writes it as --app before the subcommand",
        ["version"] = "prints the version and exits: not a serving option",
        ["help"] = "prints usage and exits: not a serving option",
    };
}
