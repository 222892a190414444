using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using Terminal = ProdServer.Config.Names;

namespace ProdServer.Config;

/// <summary>
/// <c>manage [--process NAME] [--env-file PATH]... COMMAND [ARGS...]</c>: Django's manage.py, run as the process's server
/// would be (its interpreter, directory, environment and env files). Everything from COMMAND on is manage.py's, as
/// written (<see cref="HostArguments.ManageArgumentsIndex"/>), so the parser never sees it: <c>manage migrate --help</c>
/// is Django's help. Its symbols live in a nested class, as the import's do.
/// </summary>
internal sealed partial class ProdServerCommandLine
{
    /// <summary>The command word.</summary>
    public const string ManageWord = "manage";

    /// <summary>manage's options that take a value: what follows them is a value, not manage.py's command.</summary>
    public static string[] ManageOptionsWithValue => ManageSymbols.WithValue;

    private const string ManageEpilogue = HostConfiguration + """


        manage.py runs in the foreground, with this terminal's input and output: Ctrl+C reaches it as it would
        typed by hand; SIGTERM or SIGHUP sent to this app is passed on to it.

        Exit codes: manage.py's own; 1 invalid configuration, or no manage.py or Python for the process;
        2 usage error (unknown process or option, no COMMAND).
        """;

    private static Command ManageCommandSymbol => ManageSymbols.Command;

    /// <summary>Whether this is <c>manage</c>.</summary>
    public bool Manage => _result is { } result && result.CommandResult.Command == ManageSymbols.Command;

    /// <summary>manage.py's command and its arguments, as written after <c>manage</c> and its own options.</summary>
    public List<string> ManageArguments { get; } = [];

    // manage's parse: its process becomes the one name (selection and validation scope as for a run), its env files the
    // run's, and manage.py's words are taken from the raw arguments.
    private static void ReadManage(ProdServerCommandLine parsed, ParseResult result, IReadOnlyList<string> args)
    {
        if (ValueOf(result, ManageSymbols.Process) is { } process)
        {
            parsed.Names.Add(process);
        }

        parsed.EnvFiles.AddRange(ValueOf(result, ManageSymbols.EnvFile) ?? []);
        var start = HostArguments.ManageArgumentsIndex(args);
        if (start < 0)
        {
            parsed.Errors.Add($"{ManageWord} comes first, after host configuration only: app {ManageWord} [--process NAME] [--env-file PATH] COMMAND [ARGS...].");
            return;
        }

        // The parser saw only the words before manage.py's: one it took as COMMAND is an option it does not know.
        foreach (var unknown in ValueOf(result, ManageSymbols.Words) ?? [])
        {
            parsed.Errors.Add($"Unrecognized option '{Terminal.Printable(unknown)}' for {ManageWord}; manage.py's own options go after its command (app {ManageWord} migrate --noinput).");
        }

        parsed.ManageArguments.AddRange(args.Skip(start));
        if (parsed.ManageArguments.Count == 0 && !parsed.Help)
        {
            parsed.Errors.Add($"{ManageWord} needs manage.py's command: app {ManageWord} migrate, app {ManageWord} createsuperuser, app {ManageWord} shell, …");
        }
    }

    private static class ManageSymbols
    {
        public static readonly string[] WithValue = ["--process", "-p", "--env-file"];

        public static readonly Option<string> Process = new("--process", "-p")
        {
            Description = "The process whose interpreter, working directory and environment manage.py gets; default: the first declared (or ProdServer:Default).",
            HelpName = "NAME",
        };

        public static readonly Option<string[]> EnvFile = new("--env-file")
        {
            Description = "A .env file for manage.py, as for a run (repeatable; a later file wins; values are never printed).",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = false,
        };

        // Shown in the help only: the words themselves are read from the raw arguments (ReadManage).
        public static readonly Argument<string[]> Words = new("COMMAND")
        {
            Description = "manage.py's command and its arguments, passed as written: migrate --noinput, createsuperuser, shell, check --deploy.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        public static readonly System.CommandLine.Command Command = new(ManageWord,
            "Run Django's manage.py as the process's server would run (its Python, working directory, environment and env files), in the foreground; exit with its exit code.")
        {
            Process, EnvFile, Words,
        };
    }
}
