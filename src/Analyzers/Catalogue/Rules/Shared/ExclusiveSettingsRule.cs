using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config.Analyzers;

internal static partial class RuleRegistry
{
    /// <summary>PSC0112: two settings of one server that exclude each other are both given.</summary>
    public static readonly ExclusiveSettingsRule ExclusiveSettings = Register(new ExclusiveSettingsRule());
}

/// <summary>
/// PSC0112: two settings of one server that exclude each other are both given (<c>Workers</c> with <c>Reload</c> for
/// uvicorn, <c>Uds</c> with <c>Host</c> for granian). The pairs are declared once, below; each backend's validator
/// refuses them at start-up through <see cref="Conflicts"/>, and the analyzers report them in C# (within one
/// initializer) and in <c>appsettings*.json</c> (within one <c>Args</c> object), in the same words.
/// </summary>
internal sealed class ExclusiveSettingsRule() : SettingRule(
        "PSC0112",
        "Settings that exclude each other",
        "{0}; remove one of the two",
        "Some server settings cannot be given together: the server refuses to start, or silently ignores one of them. " +
        "ProdServer's start-up validation refuses the pair; this reports it where it is written.",
        RuleCategories.Usage, RuleSeverity.Error, RuleScope.Everywhere)
{
    // A switch counts when it is true; any other setting when it is given at all.
    private static readonly Dictionary<RuleBackend, Exclusion[]> Table = Build();

    /// <inheritdoc/>
    public override string? EnforcedAtStartBy => "ExclusiveSettingsValidation";

    /// <inheritdoc/>
    public override IReadOnlyList<RuleBackend> Backends { get; } = [.. Table.Keys];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Reads(RuleBackend backend) =>
        Table.TryGetValue(backend, out var exclusions) ? [.. exclusions.SelectMany(e => e.Others.Select(o => o.Name).Prepend(e.Setting.Name)).Distinct()] : [];

    /// <inheritdoc/>
    public override void Evaluate(RuleBackend backend, SettingsBag s, RuleContext context, List<RuleFinding> findings)
    {
        foreach (var (setting, problem) in Conflicts(backend, s))
        {
            findings.Add(new(this, setting, problem));
        }
    }

    /// <summary>Each pair in <paramref name="s"/> that <paramref name="backend"/> refuses: the setting to blame and what is wrong (the message's {0}).</summary>
    public static IEnumerable<(string Setting, string Message)> Conflicts(RuleBackend backend, SettingsBag s)
    {
        if (!Table.TryGetValue(backend, out var exclusions))
        {
            yield break;
        }

        foreach (var exclusion in exclusions)
        {
            if (exclusion.Setting.IsGiven(s) && exclusion.Others.Any(o => o.IsGiven(s)))
            {
                yield return (exclusion.Setting.Name, exclusion.Message);
            }
        }
    }

    /// <summary>The whole message for a problem from <see cref="Conflicts"/>, as the analyzers word it; the start-up validators say the same.</summary>
    public static string Message(string problem) => RuleRegistry.ExclusiveSettings.FormatMessage([problem]) + ".";

    private static Dictionary<RuleBackend, Exclusion[]> Build()
    {
        var noColor = new Exclusion(Switch("ForceColor"), [Switch("NoColor")], "ForceColor cannot be combined with NoColor: Django refuses both at once");
        Exclusion[] uvicorn =
        [
            new(Value("Uds"), [Value("Host"), Value("Port"), Value("Fd")], "Uds cannot be combined with Host, Port or Fd: uvicorn would listen on the socket and silently ignore the others"),
            new(Value("Fd"), [Value("Host"), Value("Port")], "Fd cannot be combined with Host or Port: uvicorn would serve the inherited socket and silently ignore them"),
            // uvicorn reads workers "or 1" and ignores only a count above one when reloading: --reload --workers 1 is
            // a plain development start.
            new(MoreThanOne("Workers"), [Switch("Reload")], "Workers above 1 cannot be combined with Reload: uvicorn runs a single worker when reloading"),
        ];
        Exclusion[] granian =
        [
            new(Value("Uds"), [Value("Host"), Value("Port")], "Uds cannot be combined with Host or Port: granian serves either the socket or the address"),
        ];
        return new()
        {
            [RuleBackends.Uvicorn] = uvicorn,
            [RuleBackends.UvicornWsgi] = uvicorn,
            [RuleBackends.Granian] = granian,
            [RuleBackends.GranianWsgi] = granian,
            [RuleBackends.Gunicorn] =
            [
                new(Value("NoControlSocket"), [Value("ControlSocket"), Value("ControlSocketMode")], "NoControlSocket cannot be combined with ControlSocket or ControlSocketMode: there would be no socket to place"),
            ],
            [RuleBackends.CeleryWorker] =
            [
                new(Value("HeartbeatInterval"), [Switch("WithoutHeartbeat")], "HeartbeatInterval has no effect with WithoutHeartbeat: no heartbeat is sent"),
            ],
            [RuleBackends.Daphne] =
            [
                new(Value("ServerName"), [Switch("NoServerName")], "ServerName cannot be combined with NoServerName: daphne would send no Server header and ignore the name"),
            ],
            [RuleBackends.DjangoDevServer] =
            [
                noColor,
                new(Switch("Insecure"), [Switch("NoStatic")], "Insecure has no effect with NoStatic: no static files are served at all"),
            ],
            [RuleBackends.DjangoTasks] =
            [
                noColor,
                new(Switch("Reload"), [Switch("Batch")], "Reload has no effect with Batch: a batch run exits when the ready tasks are done"),
            ],
            [RuleBackends.DjangoQ] = [noColor],
            [RuleBackends.RqWorker] = [noColor],
        };
    }

    private static Setting Switch(string name) => new(name, (s, n) => s.GetBoolean(n) == true);

    private static Setting Value(string name) => new(name, (s, n) => s.IsSet(n));

    private static Setting MoreThanOne(string name) => new(name, (s, n) => s.GetInteger(n) > 1);

    /// <summary>
    /// One side of a pair and when it counts: a switch when it is true, a count when above one, any other setting when
    /// given (a value only known at run time does not count).
    /// </summary>
    private sealed class Setting(string name, System.Func<SettingsBag, string, bool> counts)
    {
        public string Name { get; } = name;

        public bool IsGiven(SettingsBag s) => counts(s, Name);
    }

    /// <summary><see cref="Setting"/> cannot be given with any of <see cref="Others"/>; <see cref="Message"/> says why.</summary>
    private sealed class Exclusion(Setting setting, Setting[] others, string message)
    {
        public Setting Setting { get; } = setting;

        public Setting[] Others { get; } = others;

        public string Message { get; } = message;
    }
}
