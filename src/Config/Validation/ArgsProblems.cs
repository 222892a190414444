using System;
using System.Collections.Generic;
using ProdServer.Config.Analyzers;

namespace ProdServer.Config;

/// <summary>
/// What a backend's own rules (<c>&lt;Server&gt;ArgsRules</c>) found wrong in one args record, keyed by the record's
/// property (<c>Host</c>, <c>Listen[1]</c> for an entry), in the order the rules ran.
/// </summary>
/// <remarks>
/// The rules are plain conditions over the record, not FluentValidation validators: a first start checks the launch right
/// after the fork, beside Python's import, and building a validator there (its expression trees, their compilation, the
/// library's first use) was ~50 ms of the launcher's CPU under JIT against ~1 ms for these (docs/benchmarks.md). A backend
/// of your own can still bring a FluentValidation validator (<see cref="ServerBackend{TArgs}"/>'s <c>CreateArgsValidator</c>).
/// </remarks>
internal sealed class ArgsProblems
{
    private readonly IServerArgs _args;
    private readonly List<SettingProblem> _found = [];
    private SettingsBag? _settings;

    /// <summary>Starts an empty list for <paramref name="args"/>.</summary>
    /// <param name="args">The record the rules judge.</param>
    public ArgsProblems(IServerArgs args) => _args = args;

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<SettingProblem> Found => _found;

    /// <summary>
    /// The record's settings as the catalogue's rules evaluate them (the same bag the analyzers build from code), read on the
    /// first ask and shared by every rule of this check.
    /// </summary>
    public SettingsBag Settings => _settings ??= ServerArgsSettings.Read(_args);

    /// <summary>Records that <paramref name="key"/> is wrong.</summary>
    /// <param name="key">The property, as the record names it.</param>
    /// <param name="message">One sentence saying what is wrong and what to do.</param>
    public void Add(string key, string message) => _found.Add(new(key, message));

    /// <summary>Records <paramref name="message"/> for <paramref name="key"/> when <paramref name="wrong"/>.</summary>
    /// <param name="wrong">Whether the rule is broken.</param>
    /// <param name="key">The property, as the record names it.</param>
    /// <param name="message">One sentence saying what is wrong and what to do.</param>
    public void If(bool wrong, string key, string message)
    {
        if (wrong)
        {
            Add(key, message);
        }
    }

    /// <summary>
    /// Checks each entry of a list setting; an entry that fails is reported as <c>key[index]</c>, which the options
    /// validator turns into the configuration path (<c>…:Args:Listen:1</c>). An unset list has no entries to check.
    /// </summary>
    /// <param name="entries">The list, or <see langword="null"/> when unset.</param>
    /// <param name="key">The property, as the record names it.</param>
    /// <param name="holds">Whether an entry is acceptable.</param>
    /// <param name="message">The sentence for an entry that is not.</param>
    public void Each(IEnumerable<string?>? entries, string key, Func<string?, bool> holds, Func<string?, string> message)
    {
        if (entries is null)
        {
            return;
        }

        var index = 0;
        foreach (var entry in entries)
        {
            if (!holds(entry))
            {
                Add(key + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", message(entry));
            }

            index++;
        }
    }
}
