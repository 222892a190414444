using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProdServer.Config;

/// <summary>
/// Assembles <c>ConfigurationSchema.json</c>, the JSON schema (draft-07) of the <c>ProdServer</c> section that the package
/// ships for editors (a <c>JsonSchemaSegment</c> item in its build props, as .NET Aspire integrations do): the process keys
/// the binder reads, <c>Backend</c> as an enum of every backend, and per backend its <c>Args</c> from the fragment the
/// generator wrote for the args record (<see cref="IServerArgs.ConfigurationSchema"/>), plus the aliases the binder accepts
/// for that server. A new backend in <see cref="ServerBackends"/> is in the schema without an edit here.
/// </summary>
internal static partial class ConfigurationSchema
{
    /// <summary>The prefix of this package's definitions, so that they cannot meet another package's in the merged schema.</summary>
    private const string DefinitionPrefix = "ProdServer.";

    /// <summary>The whole document, indented with two spaces and '\n' line ends, ending with a line break.</summary>
    /// <returns>The JSON text.</returns>
    public static string Build()
    {
        var definitions = new JsonObject { [DefinitionPrefix + "Process"] = Process() };
        foreach (var backend in ServerBackends.Names.Select(n => ServerBackends.Find(n)!))
        {
            definitions[ArgsDefinition(backend)] = Args(backend);
        }

        var document = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["definitions"] = definitions,
            ["type"] = "object",
            ["properties"] = new JsonObject { [ProdServerOptions.SectionName] = Section() },
        };

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return document.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string ArgsDefinition(ServerBackend backend) => DefinitionPrefix + "Args." + backend.Name;

    private static JsonObject Reference(string definition) => new() { ["$ref"] = "#/definitions/" + definition };

    // The ProdServer section: what ProdServerConfigurationBinder.Bind reads.
    private static JsonObject Section() => Closed(
        "Production processes of a Python web app, run and supervised by ProdServer.Config.",
        ("Processes", new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The processes, by name; the order written here is the default and start order.",
            ["propertyNames"] = new JsonObject
            {
                ["pattern"] = $"^[A-Za-z0-9][A-Za-z0-9_.-]{{0,{Names.MaxLength - 1}}}$",
                ["not"] = new JsonObject { ["enum"] = Array(Names.Reserved) },
            },
            ["additionalProperties"] = Reference(DefinitionPrefix + "Process"),
        }),
        ("Release", new JsonObject
        {
            ["type"] = "array",
            ["description"] = "Steps run in order before any server starts (migrate, collectstatic); each must exit 0.",
            ["items"] = ReleaseStep(),
        }),
        ("Default", Text("The process run when the command line names none; default: the first declared.")),
        ("OnGiveUp", Choice("When a process gives up restarting under --all: StopAll (default) stops the others too, KeepOthers keeps them running.", SettingRules.OnGiveUp)),
        ("Logs", Closed(
            "How server output is logged.",
            ("Overflow", Choice("When the logger falls behind: Block (the server waits, nothing lost) or Drop (lines dropped and counted).", SettingRules.Overflow)),
            ("BufferBytes", Integer($"Bytes of output buffered per process, from {ProdServerLogOptions.MinimumBufferBytes} to {ProdServerLogOptions.MaximumBufferBytes}.", ProdServerLogOptions.MinimumBufferBytes, ProdServerLogOptions.MaximumBufferBytes)))),
        ("Control", Closed(
            "The control socket that status, restart, tail and the other commands use from another terminal.",
            ("Enabled", Boolean("Whether the control socket is opened. Default true.")),
            ("Socket", Text("The control socket's path.")),
            ("TailLines", Integer($"Output lines kept per process for tail, from 1 to {ProdServerControlOptions.MaximumTailLines}.", 1, ProdServerControlOptions.MaximumTailLines)))),
        ("Rules", Rules()));

    private static JsonObject ReleaseStep()
    {
        var step = Closed(
            "One release step.",
            ("Name", Text("The step's name: letters, digits, '_', '-' or '.'.")),
            ("Command", new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string" },
                ["description"] = "The command and its arguments, such as [\"manage.py\", \"migrate\", \"--noinput\"], run with the process's Python.",
            }),
            ("Python", Text("The interpreter that runs the command.")),
            ("WorkingDirectory", Text("The directory the command runs in.")),
            ("Environment", Variables()));
        step["required"] = Array(["Name"]);
        return step;
    }

    private static JsonObject Rules()
    {
        var rules = Closed(
            "Production rules: PSC#### = off, info, warning or error; MaxThreads is PSC0006's limit.",
            ("MaxThreads", Integer("The most threads PSC0006 accepts before it warns.", 1, null)));
        rules["patternProperties"] = new JsonObject
        {
            ["^PSC[0-9]{4}$"] = Choice("off (or none, false, disabled) switches the rule off; info, warning or error set its severity.",
                ["off", "none", "false", "disabled", "info", "suggestion", "warning", "warn", "error"]),
        };
        return rules;
    }
}
