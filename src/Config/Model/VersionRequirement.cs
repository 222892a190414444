using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProdServer.Config;

/// <summary>
/// A setting that only some releases of the server accept, for example gunicorn's <c>--log-config-json</c> (21.0.0 and newer)
/// on Debian's gunicorn 20.1.0. Checked against the installed server before launch (<see cref="ServerVersionCheck"/>).
/// </summary>
/// <param name="Key">The setting's key relative to the process, for example <c>Args:LogConfigJson</c>.</param>
/// <param name="Setting">The setting as the user wrote it and the flag it becomes, for example <c>LogConfigJson (--log-config-json)</c>.</param>
/// <param name="Since">The first release that accepts it, or <see langword="null"/>.</param>
/// <param name="Removed">The first release that rejects it again, or <see langword="null"/>.</param>
public sealed record VersionRequirement(string Key, string Setting, string? Since, string? Removed)
{
    /// <summary>Whether <paramref name="version"/> accepts the setting.</summary>
    /// <param name="version">The installed release, for example <c>20.1.0</c>.</param>
    /// <returns><see langword="true"/> when the release is inside the range.</returns>
    public bool IsMetBy(string version) =>
        (Since is null || CompareVersions(version, Since) >= 0) && (Removed is null || CompareVersions(version, Removed) < 0);

    /// <summary>What the setting needs, as a phrase: <c>gunicorn 21.0.0 or newer</c>, <c>gunicorn older than 26.0.0</c>.</summary>
    /// <param name="server">The server's name.</param>
    /// <returns>The phrase.</returns>
    public string Describe(string server) => (Since, Removed) switch
    {
        ({ } since, { } removed) => $"{server} {since} or newer but older than {removed}",
        ({ } since, null) => $"{server} {since} or newer",
        (null, { } removed) => $"{server} older than {removed}",
        _ => $"any {server}",
    };

    /// <summary>
    /// The requirements of the flags <paramref name="process"/> writes, from the <see cref="FlagInfo.Since"/> and
    /// <see cref="FlagInfo.Removed"/> of its args record. A flag counts when the record writes it
    /// (<see cref="IServerArgs.WrittenFlags"/>), so a switch set to <see langword="false"/> (which writes nothing) needs no
    /// particular release, and the same flag passed through <c>ExtraArgs</c> is checked too.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <returns>The requirements; empty when no version-limited flag is written.</returns>
    public static IReadOnlyList<VersionRequirement> OfWrittenFlags(ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var limited = process.Args.Flags.Where(f => f.Name.Length > 0 && (f.Since is not null || f.Removed is not null)).ToList();
        if (limited.Count == 0)
        {
            return [];
        }

        // The typed view says which flags are written; the extra arguments are the user's own text, read for their flag names.
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (flag, value) in process.Args.WrittenFlags)
        {
            if (flag.Kind != FlagKind.Extra)
            {
                written.Add(flag.Name);
            }
            else if (value is string[] extra)
            {
                foreach (var argument in extra)
                {
                    if (ServerArgument.FlagName(argument) is { } name)
                    {
                        written.Add(name);
                    }
                }
            }
        }

        return limited
            .Where(f => written.Contains(f.Name) || written.Contains("no-" + f.Name))
            .Select(f => new VersionRequirement("Args:" + f.Property, $"{f.Property} (--{f.Name})", f.Since, f.Removed))
            .ToList();
    }

    /// <summary>Compares dotted release numbers numerically (<c>9.0</c> &lt; <c>20.1.0</c>); a missing part counts as 0, a suffix such as <c>rc1</c> is ignored.</summary>
    /// <param name="left">A release, for example <c>20.1.0</c>.</param>
    /// <param name="right">Another release.</param>
    /// <returns>Negative, zero or positive, as <see cref="IComparer{T}.Compare"/>.</returns>
    public static int CompareVersions(string left, string right)
    {
        var a = Parts(left);
        var b = Parts(right);
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var x = i < a.Count ? a[i] : 0;
            var y = i < b.Count ? b[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;

        static List<long> Parts(string version)
        {
            var parts = new List<long>();
            foreach (var part in version.Trim().Split('.'))
            {
                var digits = new string(part.TakeWhile(char.IsAsciiDigit).ToArray());
                if (digits.Length == 0)
                {
                    break;
                }

                parts.Add(long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));
                if (digits.Length != part.Length)
                {
                    break; // "0rc1": the rest is a pre-release tag
                }
            }

            return parts;
        }
    }
}
