using System.Globalization;
using FluentValidation;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// Reads any bound args record into the <see cref="SettingsBag"/> the rules evaluate, from the record's typed view of what it
/// writes (<see cref="IServerArgs.WrittenFlags"/>), so a new backend needs no code here and nothing parses argv back.
/// </summary>
internal static class ServerArgsSettings
{
    // The RootContextData key; the prefix keeps it apart from keys a user's own validator may add.
    private const string ContextKey = "ProdServer.Config.ServerArgsSettings";

    /// <summary>
    /// The settings of the record <paramref name="context"/> validates, read on the first call of a validation run and then
    /// shared by every rule of that run (RootContextData lives for one <c>Validate</c> call; the validators themselves are
    /// cached per backend and shared, so they cannot hold it). Kept with the record it was read from, so a child validator
    /// over another instance never sees a wrong bag.
    /// </summary>
    public static SettingsBag Of<T>(ValidationContext<T> context)
        where T : IServerArgs
    {
        if (context.RootContextData.TryGetValue(ContextKey, out var cached) && cached is ReadSettings read && ReferenceEquals(read.Args, context.InstanceToValidate))
        {
            return read.Settings;
        }

        var settings = Read(context.InstanceToValidate);
        context.RootContextData[ContextKey] = new ReadSettings(context.InstanceToValidate, settings);
        return settings;
    }

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

    private sealed record ReadSettings(IServerArgs Args, SettingsBag Settings);
}
