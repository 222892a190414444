using System;
using System.Globalization;

namespace ProdServer.Config.Tests.Infrastructure;

/// <summary>Runs a block under another current culture (flows with the async context, so parallel tests are unaffected).</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>
    /// <paramref name="name"/> (for example <c>fr-FR</c>, decimal comma), made hostile on purpose: a Unicode minus sign and a
    /// group separator, so that any value formatted with the current culture rather than the invariant one is visibly wrong.
    /// </summary>
    public static CultureScope Hostile(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = "\u202F";
        return new CultureScope(culture);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
