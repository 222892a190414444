using System.Collections.Generic;
using ProdServer.Config.Tests.Infrastructure;

namespace ProdServer.Config.Tests;

/// <summary><see cref="RqWorkerArgs"/> against <c>django-rq-rqworker.tsv</c> (django-rq 4.1 plus Django's base options; the Debian-only --sentry-* rows are marked removed).</summary>
public sealed class RqWorkerReferenceCoverageSpecs : ReferenceCoverageSpecs<RqWorkerArgs>
{
    /// <inheritdoc />
    protected override string CatalogueFile => "django-rq-rqworker.tsv";

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Exclusions { get; } = new Dictionary<string, string>
    {
        ["version"] = "prints Django's version and exits: not a worker option",
        ["help"] = "prints usage and exits: not a worker option",
    };
}
