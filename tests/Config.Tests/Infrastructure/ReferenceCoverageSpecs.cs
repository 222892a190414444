using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>
/// The coverage checks every args record gets against its catalogue. A backend's spec class derives from this, names the
/// file and lists (with a reason each) the catalogue flags that deliberately have no property; xunit runs the facts per class.
/// </summary>
/// <typeparam name="TArgs">The args record.</typeparam>
public abstract class ReferenceCoverageSpecs<TArgs>
    where TArgs : IServerArgs, new()
{
    /// <summary>The catalogue file in <c>../shared/reference</c>.</summary>
    protected abstract string CatalogueFile { get; }

    /// <summary>Catalogue flags without a property, each with the reason.</summary>
    protected abstract IReadOnlyDictionary<string, string> Excluded { get; }

    private ReferenceTsv Catalogue => ReferenceTsv.Read(CatalogueFile);

    private static IReadOnlyList<FlagInfo> Flags => new TArgs().Flags;

    [Fact]
    public void Every_option_of_the_catalogue_is_a_property_or_excluded_with_a_reason()
    {
        var missing = Catalogue.Missing(Flags, Excluded);

        Assert.True(missing.Count == 0, $"{CatalogueFile} options without a {typeof(TArgs).Name} property: {string.Join(", ", missing)}");
        Assert.All(Excluded.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public void No_property_is_an_option_the_server_does_not_accept()
    {
        var invented = Catalogue.Invented(Flags, Excluded);

        Assert.True(invented.Count == 0, $"{typeof(TArgs).Name} properties not in {CatalogueFile} (or excluded there): {string.Join(", ", invented)}");
        // Every excluded flag must still be in the catalogue, or the exclusion list has gone stale.
        Assert.All(Excluded.Keys, flag => Assert.Contains(Catalogue.Rows, r => r.Flag == flag));
    }

    [Fact]
    public void Each_option_takes_the_kind_of_value_the_server_parses()
    {
        var mismatches = Catalogue.KindMismatches(Flags);

        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
    }

    [Fact]
    public void Every_boolean_is_spelled_the_way_the_server_accepts_it()
    {
        var checkedRows = Catalogue.AssertBooleanSpellings(Flags, Excluded, ArgsReflection.Translate<TArgs>);

        Assert.True(checkedRows > 0, $"{CatalogueFile} has no boolean option to check");
    }

    [Fact]
    public void Every_enum_has_exactly_the_values_the_server_allows()
    {
        var catalogue = Catalogue;
        foreach (var flag in Flags.Where(f => f.Kind == FlagKind.Enum))
        {
            var spellings = ArgsReflection.EnumSpellings<TArgs>(flag.Property, flag.Name);

            Assert.Equal(catalogue.Allowed(flag.Name).Order(), spellings.Order());
        }
    }
}
