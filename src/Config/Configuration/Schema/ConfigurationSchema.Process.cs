using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace ProdServer.Config;

/// <summary>A process's keys, and its <c>Args</c> chosen by its <c>Backend</c>.</summary>
internal static partial class ConfigurationSchema
{
    // The keys of ProdServerConfigurationBinder.ProcessKeys (a test holds the two lists equal), plus django-prodserver's
    // upper-case BACKEND, APP and ARGS, which bind because configuration keys ignore case.
    private static JsonObject Process()
    {
        var backends = Array(ServerBackends.Names);
        var backend = new JsonObject { ["enum"] = backends, ["description"] = "The server that runs the process." };
        var process = Closed(
            "One process: its server (Backend), the app it serves and the server's options (Args).",
            ("Backend", backend),
            ("App", Text("The application target, for example mysite.wsgi:application (what the server imports).")),
            ("WorkingDirectory", Text("The directory the server starts in; relative paths resolve against the content root.")),
            ("Python", Text("The interpreter that runs the server's entry point, for example /usr/bin/python3.")),
            ("Venv", Text("A virtual environment whose bin/ holds the server.")),
            ("PythonPath", TextOrList("Directories added to PYTHONPATH: a list, or one string in the platform's PYTHONPATH syntax.")),
            ("ManagePy", Text("The manage.py of the Django project, for the management-command backends.")),
            ("EnvFile", TextOrList(".env files loaded into the process's environment; their values are never printed.")),
            ("Environment", Variables()),
            ("StopTimeout", Seconds("How long a graceful stop may take before the process group is killed: seconds (10) or a time span (00:00:10).")),
            ("Args", new JsonObject { ["type"] = "object", ["description"] = "The server's options; the keys depend on Backend." }),
            ("Restart", Choice("When the process is restarted: Never, OnFailure (default) or Always.", SettingRules.Restart)),
            ("StartSeconds", Seconds("A start that dies within this time is a failed start. Default 1 s.", atMostADay: true)),
            ("StartRetries", Integer("Failed starts in a row before giving up. Default 3.", 0, SupervisionLimits.MaximumCount)),
            ("RestartDelay", Seconds("The first delay before a restart; it doubles per failure. Default 1 s.", atMostADay: true)),
            ("RestartMaxDelay", Seconds("The longest delay before a restart. Default 30 s.", atMostADay: true)),
            ("Readiness", Closed(
                "When the process counts as ready: its ports and Unix sockets accept connections, or Path answers.",
                ("Path", Text("An HTTP path that answers when the app is ready, such as /healthz: asked on the first TCP port, or on the first Unix socket (Host: localhost) of a server with no port.")),
                ("Status", Integer("The HTTP status Path must answer with. Default 200.", 100, 599)),
                ("Timeout", Seconds("How long to wait for readiness.", atMostADay: true)))),
            ("DependsOn", TextOrList("Processes that must be ready before this one starts under --all.")),
            ("Replicas", Integer("Copies of the process in orchestrator exports. Default 1.", 1, SupervisionLimits.MaximumCount)),
            ("Resources", Closed(
                "Resource requests for orchestrator exports.",
                ("Cpu", new JsonObject { ["type"] = Array(["string", "number"]), ["description"] = "CPU request, such as 0.5 or 500m." }),
                ("Memory", Text("Memory request, such as 256Mi.")))),
            ("BACKEND", new JsonObject { ["enum"] = Array(ServerBackends.Names), ["description"] = "django-prodserver's spelling of Backend." }),
            ("APP", Text("django-prodserver's spelling of App.")),
            ("ARGS", new JsonObject { ["type"] = "object", ["description"] = "django-prodserver's spelling of Args." }));

        // Args (or ARGS) is checked against the backend's own keys, chosen by Backend (or BACKEND); without a Backend the
        // process comes from code and its Args are not checked here.
        var choices = new JsonArray();
        foreach (var name in ServerBackends.Names)
        {
            var args = Reference(ArgsDefinition(ServerBackends.Find(name)!));
            foreach (var key in new[] { "Backend", "BACKEND" })
            {
                choices.Add((JsonNode)new JsonObject
                {
                    ["if"] = new JsonObject
                    {
                        ["properties"] = new JsonObject { [key] = new JsonObject { ["const"] = name } },
                        ["required"] = Array([key]),
                    },
                    ["then"] = new JsonObject
                    {
                        ["properties"] = new JsonObject { ["Args"] = args.DeepClone(), ["ARGS"] = args.DeepClone() },
                    },
                });
            }
        }

        process["allOf"] = choices;
        return process;
    }

    // The generator's fragment for the backend's args record (its flags and [ArgAlias] keys), plus Granian's interface
    // keyword, which the binder reads itself (ProdServerConfigurationBinder.CheckInterface).
    private static JsonObject Args(ServerBackend backend)
    {
        var schema = JsonNode.Parse(backend.CreateDefaultArgs().ConfigurationSchema)!.AsObject();
        schema["description"] = $"Options of {backend.Command} (Backend {backend.Name}); each key may be the property, the server's flag or the flag with _.";
        var properties = schema["properties"]!.AsObject();
        if (backend is GranianBackend granian)
        {
            var served = granian.IsWsgi ? "wsgi" : "asgi";
            properties["interface"] = Choice($"Granian's interface keyword; Backend {backend.Name} serves {served} (use Granian or GranianWsgi to choose).", [served]);
        }
        else if (backend is UvicornBackend uvicorn)
        {
            properties["interface"] = Choice(
                $"uvicorn's --interface; Backend {backend.Name} chooses it (use Uvicorn or UvicornWsgi to choose), so only a value that agrees is taken.",
                uvicorn.IsWsgi ? ["wsgi"] : ["auto", "asgi3"]);
        }

        return schema;
    }
}
