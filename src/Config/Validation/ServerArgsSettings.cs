using System.Globalization;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// Reads any bound args record into the <see cref="SettingsBag"/> the rules evaluate, from the record's typed view of what it
/// writes (<see cref="IServerArgs.WrittenFlags"/>), so a new backend needs no code here and nothing parses argv back.
/// </summary>
internal static class ServerArgsSettings
{
    /// <summary>The settings <paramref name="args"/> writes, as the catalogue's rules read them.</summary>
    /// <param name="args">A bound args record.</param>
    /// <returns>A fresh bag.</returns>
    public static SettingsBag Read(IServerArgs args)
    {
        var settings = new SettingsBag();
        foreach (var (flag, value) in args.WrittenFlags)
        {
            if (flag.Kind == FlagKind.Extra)
            {
                continue; // verbatim text for the server; the rules judge typed settings only
            }

            // The bag holds bool, long, string and string[] (SettingsBag's contract, shared with the analyzers); a number is
            // kept as the text the server is given.
            settings.Set(flag.Property, value is double number ? number.ToString("R", CultureInfo.InvariantCulture) : value);
        }

        return settings;
    }
}
