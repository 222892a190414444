using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
// Names.Printable and friends; "Names" here is the parsed process names.
using Terminal = ProdServer.Config.Names;

namespace ProdServer.Config;

/// <summary>
/// The entry point's command line, parsed with System.CommandLine: <c>[NAME...] [--all] [--list] [--dry-run [--json]]
/// [--check] [--env-file PATH]... [--skip-release | --release-only] [-- SERVER-FLAGS...]</c> and <c>export TARGET --out DIR [NAME...]</c>.
/// Host configuration arguments (see <see cref="HostArguments"/>) are left to the host; words after <c>--</c> are server flags.
/// </summary>
internal sealed partial class ProdServerCommandLine
{
    /// <summary>Our options that take a value, so that the value is never read as host configuration.</summary>
    public static readonly string[] OptionsWithValue = ["--env-file", "--out", "--user", "--exec", "--image", "--hardening", .. ImportOptionsWithValue, .. ManageOptionsWithValue];

    private const string HostConfiguration = """

        Host configuration may be given too: --key value or --key=value where the key has a ':' or '__'
        (--ProdServer:Processes:web:Args:Threads=8), or --environment, --contentRoot, --applicationName.
        """;

    // export and import start nothing: no signals or control to explain, and their own exit codes.
    private const string FilesEpilogue = HostConfiguration + """


        Exit codes: 0 ok; 1 invalid configuration, or something that could not be written or translated (each is named;
        for export, nothing is written then); 2 usage error (unknown process, option or target).
        """;

    private const string Epilogue = HostConfiguration + """


        Signals: SIGTERM/Ctrl+C stop every process gracefully; SIGHUP re-reads the configuration and restarts
        only the processes whose launch plan changed (as 'reload').

        A running host (--all, or ProdServer:Control:Enabled=true) is controlled from another terminal with
        the commands status, restart, stop, start, tail, signal and reload (each has --help; exit code 3: no
        running host).

        Exit codes: 0 ok; 1 invalid configuration or the server could not start;
        2 usage error (unknown process or option); otherwise the server's own exit code (128+N when killed by signal N).
        """;

    // "help CMD" is "CMD --help", as `dotnet help`, `git help` and `pip help` take it. The word is reserved (no process may
    // have it as its name), so it never hides one; without this it ran as a plain run: "Unknown process 'help'", exit 2.
    private const string HelpWord = "help";

    private static readonly Argument<string[]> NamesArgument = new("NAME")
    {
        Description = "The process(es) to run; default: the first declared (or ProdServer:Default).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<bool> AllOption = new("--all")
    {
        Description = "Run every declared process; when one ends for good, ProdServer:OnGiveUp decides (StopAll, KeepOthers).",
    };

    private static readonly Option<bool> ListOption = new("--list") { Description = "Print the declared processes (name, backend, app) and exit." };

    private static readonly Option<bool> DryRunOption = new("--dry-run")
    {
        Description = "Validate, print each process's exact command line and added environment, start nothing.",
    };

    private static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "With --dry-run: one JSON object per process (" + string.Join(", ", ProdServer.Config.DryRun.JsonFields.Select(f => f.Name)) + ").",
    };

    private static readonly Option<bool> CheckOption = new("--check")
    {
        Description = "Validate, plan each launch (every process, or the NAMEs given), and run the server's own check where it has one (gunicorn --check-config, manage.py check); exit 0 or 1.",
    };

    private static readonly Option<string[]> EnvFileOption = new("--env-file")
    {
        Description = "A .env file for every process run (repeatable; a later file wins; values are never printed).",
        HelpName = "PATH",
        AllowMultipleArgumentsPerToken = false, // one PATH per --env-file, so "--env-file a web" leaves "web" a name
    };

    private static readonly Option<bool> SkipReleaseOption = new("--skip-release")
    {
        Description = "Start the servers without running the release steps (migrate, collectstatic, …) first.",
    };

    // What an exported deployment runs once before its servers (a systemd oneshot, a Compose one-off service, a
    // Kubernetes Job), whose units then run with --skip-release: one unit per process each running the steps raced.
    private static readonly Option<bool> ReleaseOnlyOption = new("--release-only")
    {
        Description = "Run the release steps (migrate, collectstatic, …) and exit, starting no server: what an exported release unit or job runs.",
    };

    private static readonly Argument<string> TargetArgument = new("TARGET")
    {
        Description = "The deployment target: " + string.Join(", ", TargetNames) + ".",
    };

    private static readonly Option<string> OutOption = new("--out")
    {
        Description = "The directory the files are written to.",
        HelpName = "DIR",
        Required = true,
    };

    private static readonly Option<string> UserOption = new("--user")
    {
        Description = "The account the exported units run as (systemd User=, supervisord user=); default: the service manager's.",
        HelpName = "NAME",
    };

    private static readonly Option<string> ExecOption = new("--exec")
    {
        Description = "The published app the units run, as a path on the target machine (an executable, or an app .dll run by dotnet); default: this app, unless it is a Debug build.",
        HelpName = "PATH",
    };

    private static readonly Option<string> ImageOption = new("--image")
    {
        Description = "The app's container image for compose and kubernetes, NAME:TAG or NAME@sha256:DIGEST; required by kubernetes, which refuses 'latest'.",
        HelpName = "NAME:TAG",
    };

    private static readonly Option<ExportHardening> HardeningOption = new("--hardening")
    {
        Description = "systemd sandboxing: strict (default; a dynamic user unless --user, rated OK by systemd-analyze security), basic, or none (see docs/deploy.md).",
        HelpName = "strict|basic|none",
        DefaultValueFactory = _ => ExportHardening.Strict,
    };

    private static readonly Option<bool> ForceOption = new("--force") { Description = "Replace files that already exist in DIR (never a symbolic link)." };

    private static readonly Option<string[]> ExportEnvFileOption = new("--env-file")
    {
        Description = "A .env file the exported units load (systemd EnvironmentFile=, compose env_file:, the app's --env-file for supervisord and Procfile, a Secret for kubernetes); its values are never written. Repeatable.",
        HelpName = "PATH",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Argument<string[]> ExportNamesArgument = new("NAME")
    {
        Description = "The processes to export; default: all of them.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    // What every other command says for "all processes"; export's default already, accepted rather than refused.
    private static readonly Option<bool> ExportAllOption = new("--all") { Description = "Export every declared process (the default without names)." };

    private static readonly Command ExportCommandSymbol = CreateExportCommand();

    private static readonly RootCommand Root = CreateRoot();

    private ParseResult? _result;

    private ProdServerCommandLine()
    {
    }

    /// <summary>The usage text: System.CommandLine's help (<c>export --help</c> details export), with exit codes and signals.</summary>
    public static string Usage => RenderHelp(Root.Parse(["--help"])) + Epilogue;

    /// <summary>The help the command line asked for (<c>--help</c>, or <c>export --help</c>), with exit codes and signals.</summary>
    public string HelpText => _result is null ? Usage
        : RenderHelp(_result) + (Control ? ControlCommandLine.Epilogue : Manage ? ManageEpilogue : _result.CommandResult.Command.Name is "export" or "import" ? FilesEpilogue : Epilogue);

    /// <summary>The parse result, for the command that acts on it; <see langword="null"/> for a plain run (names only).</summary>
    public ParseResult? Result => _result;

    /// <summary>Whether this is a plain run (process names only), known without the parser.</summary>
    public bool Plain => _result is null;

    /// <summary>Whether this is a client command of the running host (<c>status</c>, <c>restart</c>, …).</summary>
    public bool Control => _result is { } result && ControlCommandLine.IsControlCommand(result.CommandResult.Command);

    /// <summary>Whether this command's answer is its standard output (everything but a run), so that its log goes to standard error.</summary>
    public bool AnswersOnStandardOutput => !Plain && (Help || Version || List || DryRun || Check || Export || Import is not null || Control || Manage);

    /// <summary>The line after usage errors: where the help for this command is.</summary>
    /// <remarks>The root's help gives each subcommand one line; its options are in its own help (<c>export --help</c>).</remarks>
    public string UsageHint => _result is { } result && result.CommandResult.Command != Root
        ? $"Run '{result.CommandResult.Command.Name} --help' for the usage."
        : "Run with --help for the usage.";

    public List<string> Names { get; } = [];

    public bool List { get; private init; }

    /// <summary>Whether <c>--all</c> asks for every declared process.</summary>
    public bool All { get; private init; }

    public bool DryRun { get; private init; }

    public bool Help { get; private init; }

    /// <summary>Whether <c>--version</c> asks for the app's and the library's versions (and nothing else is done).</summary>
    public bool Version { get; private init; }

    /// <summary>
    /// What <c>--version</c> prints: the app's program name and informational version, then this library's, one per line
    /// (the app's version alone would not say which engine runs its servers).
    /// </summary>
    public static string VersionText =>
        $"{Terminal.Printable(System.AppDomain.CurrentDomain.FriendlyName)} {InformationalVersion(System.Reflection.Assembly.GetEntryAssembly())}\n"
        + $"ProdServer.Config {InformationalVersion(typeof(ProdServerCommandLine).Assembly)}";

    public bool SkipRelease { get; private init; }

    /// <summary>Whether <c>--release-only</c> asks for the release steps alone, with no server started.</summary>
    public bool ReleaseOnly { get; private init; }

    public bool Check { get; private init; }

    public bool Json { get; private init; }

    /// <summary>The target after <c>export</c>, or <see langword="null"/> when this is not an export.</summary>
    public string? ExportTarget { get; private init; }

    /// <summary>The files after each <c>--env-file</c>, in order.</summary>
    public List<string> EnvFiles { get; } = [];

    /// <summary>Everything after <c>--</c>: server flags that override the configured ones.</summary>
    public List<string> ServerOverrides { get; } = [];

    /// <summary>Whether the first word was <c>export</c>.</summary>
    public bool Export { get; private init; }

    /// <summary>The account after <c>export … --user</c>, or <see langword="null"/>.</summary>
    public string? User { get; private init; }

    /// <summary>The directory after <c>--out</c>.</summary>
    public string? OutputDirectory { get; private init; }

    /// <summary>The path after <c>export … --exec</c>, or <see langword="null"/> for the running app.</summary>
    public string? Exec { get; private init; }

    /// <summary>The image after <c>export … --image</c>, or <see langword="null"/>.</summary>
    public string? Image { get; private init; }

    /// <summary>The sandboxing after <c>export … --hardening</c>; default strict.</summary>
    public ExportHardening Hardening { get; private init; }

    /// <summary>Whether <c>export … --force</c> may replace existing files.</summary>
    public bool Force { get; private init; }

    /// <summary>Usage errors (unknown option, missing value, …), one line each; empty when the command line is good.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The export targets, as written on the command line.</summary>
    public static IEnumerable<string> TargetNames => Enum.GetValues<ExportTarget>().Select(t => t.ToString().ToLowerInvariant());

    /// <summary>Whether <paramref name="args"/> is only process names: the common launch, which needs no parser at all.</summary>
    public static bool IsPlainRun(IReadOnlyList<string> args)
    {
        foreach (var arg in args)
        {
            if (arg.Length == 0 || arg[0] is '-' or '/' or '@' or '[' || arg is "export" or "import" or ManageWord or HelpWord || ControlProtocol.IsCommand(arg))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Parses <paramref name="args"/> once, for every command: a plain run (names only) without the parser, which costs
    /// the launch milliseconds of JIT; anything else with System.CommandLine. Host configuration is left out (see
    /// <see cref="HostArguments"/>); it enters the configuration as overrides (see <see cref="CommandLineOverrides"/>).
    /// </summary>
    public static ProdServerCommandLine Parse(IReadOnlyList<string> args)
    {
        if (IsPlainRun(args))
        {
            var plain = new ProdServerCommandLine();
            plain.Names.AddRange(args);
            return plain;
        }

        return ParseWithParser(args);
    }

    // Apart from Parse, so that a plain run never enters a method that names System.CommandLine's types: a precompiled
    // (ReadyToRun) method resolves what it names when it is first entered, and that loaded System.CommandLine, System.Linq
    // and their types before the server's fork.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ProdServerCommandLine ParseWithParser(IReadOnlyList<string> args)
    {
        // manage.py's words are its own, "--" included: only what comes before them is parsed here.
        var manage = HostArguments.ManageArgumentsIndex(args);
        var split = manage >= 0 ? -1 : IndexOf(args, "--");
        var before = manage >= 0 ? args.Take(manage).ToList() : split < 0 ? args : args.Take(split).ToList();
        var (_, own) = HostArguments.Split(before);
        if (own.Count > 0 && own[0] == HelpWord)
        {
            own = [.. own.Skip(1), "--help"];
        }

        var result = Root.Parse(own, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var export = result.CommandResult.Command == ExportCommandSymbol;
        var parsed = new ProdServerCommandLine
        {
            _result = result,
            Help = result.Action is HelpAction,
            Version = result.Action is { } action && action == Root.Options.OfType<VersionOption>().FirstOrDefault()?.Action,
            List = ValueOf(result, ListOption),
            All = export ? ValueOf(result, ExportAllOption) : ValueOf(result, AllOption),
            DryRun = ValueOf(result, DryRunOption),
            Json = ValueOf(result, JsonOption),
            Check = ValueOf(result, CheckOption),
            SkipRelease = ValueOf(result, SkipReleaseOption),
            ReleaseOnly = !export && ValueOf(result, ReleaseOnlyOption),
            Export = export,
            ExportTarget = export ? ValueOf(result, TargetArgument) : null,
            OutputDirectory = export ? ValueOf(result, OutOption) : null,
            User = export ? ValueOf(result, UserOption) : null,
            Exec = export ? ValueOf(result, ExecOption) : null,
            Image = export ? ValueOf(result, ImageOption) : null,
            Hardening = export ? ValueOf(result, HardeningOption) : ExportHardening.Strict,
            Force = export && ValueOf(result, ForceOption),
        };
        parsed.Names.AddRange((export ? ValueOf(result, ExportNamesArgument) : ValueOf(result, NamesArgument)) ?? []);
        parsed.EnvFiles.AddRange((export ? ValueOf(result, ExportEnvFileOption) : ValueOf(result, EnvFileOption)) ?? []);
        if (split >= 0)
        {
            parsed.ServerOverrides.AddRange(args.Skip(split + 1));
        }

        if (parsed.Manage)
        {
            ReadManage(parsed, result, args);
        }

        if (!parsed.Help && !parsed.Version)
        {
            parsed.Errors.AddRange(result.Errors.Select(e => QuotedTokensPrintable(e.Message, own)));
            parsed.Errors.AddRange(Conflicts(parsed));
        }

        // System.CommandLine records a missing value again each time the value is read (above, and by manage's reading):
        // one line per problem, in the order first said.
        var once = parsed.Errors.Distinct(StringComparer.Ordinal).ToList();
        parsed.Errors.Clear();
        parsed.Errors.AddRange(once);
        return parsed;
    }

    // A missing or malformed value reads as the default: its error is in result.Errors already, or help was asked for
    // (which clears the errors but still cannot convert the value).
    private static T? ValueOf<T>(ParseResult result, Option<T> option) => ValueOrDefault(() => result.GetValue(option));

    private static T? ValueOf<T>(ParseResult result, Argument<T> argument) => ValueOrDefault(() => result.GetValue(argument));

    private static T? ValueOrDefault<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    // System.CommandLine quotes the tokens it refuses as they were typed ("Unrecognized command or argument 'x'"), and its
    // messages are several lines of their own ("Must be one of:", then a tab-indented line per choice). So each token
    // (and the parts of --name=value) is made printable where the message quotes it, which keeps those lines, and whatever
    // else could still move the terminal's cursor is escaped: a token cannot forge a line or colour the terminal.
    private static string QuotedTokensPrintable(string message, IReadOnlyList<string> tokens)
    {
        // The whole token first, then its parts that still hold such a character (a part without one is left as written).
        foreach (var token in tokens.SelectMany(t => (string[])[t, .. t.Split('=', ':')]).Where(t => t.Any(Terminal.MustEscape)))
        {
            message = message.Replace(token, Terminal.PrintablePath(token), StringComparison.Ordinal);
        }

        static bool Unsafe(char c) => c is not ('\n' or '\t') && Terminal.MustEscape(c);
        return message.Any(Unsafe) ? string.Concat(message.Select(c => Unsafe(c) ? Terminal.PrintablePath(c.ToString()) : c.ToString())) : message;
    }

    private static IEnumerable<string> Conflicts(ProdServerCommandLine parsed)
    {
        foreach (var name in parsed.Names.Where(n => n.StartsWith('-')))
        {
            yield return $"Unrecognized option '{Terminal.Printable(name)}'. Host configuration needs a ':' in its key (--ProdServer:Default=web).";
        }

        if (parsed.Json && !parsed.DryRun)
        {
            yield return "--json goes with --dry-run (--dry-run --json).";
        }

        if (parsed.All && parsed.Names.Count > 0)
        {
            yield return $"--all {(parsed.Export ? "exports" : "runs")} every process; drop it or the names ({string.Join(" ", parsed.Names.Select(n => Terminal.Printable(n)))}).";
        }

        if (parsed.ReleaseOnly && (parsed.SkipRelease || parsed.All || parsed.Names.Count > 0 || parsed.Check || parsed.List || parsed.ServerOverrides.Count > 0))
        {
            yield return "--release-only runs the release steps and no server: give it without names, --all, --skip-release, --check, --list or server flags.";
        }

        if (parsed.Check && parsed.DryRun)
        {
            yield return "--check and --dry-run are separate commands; give one of them.";
        }
    }

    private static int IndexOf(IReadOnlyList<string> args, string value)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static string InformationalVersion(System.Reflection.Assembly? assembly) =>
        assembly is null ? "(unknown version)"
        : Terminal.Printable(System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "(unknown version)");

    private static RootCommand CreateRoot()
    {
        var root = new RootCommand("Runs this app's production processes (ProdServer.Config) and supervises them until SIGTERM or Ctrl+C."
            + " Server flags after -- go to the one process being run (--threads=8 --no-ipv6); they win over configured values and are validated like them.")
        {
            NamesArgument, AllOption, ListOption, DryRunOption, JsonOption, CheckOption, EnvFileOption, SkipReleaseOption, ReleaseOnlyOption, ExportCommandSymbol, ImportCommandSymbol,
            ManageCommandSymbol,
        };
        foreach (var command in ControlCommandLine.Commands)
        {
            root.Subcommands.Add(command);
        }

        root.Directives.Clear(); // "[diagram]" and friends are no process names, and no business of a server launcher
        root.SetAction(_ => ExitCodes.Ok); // a run needs no subcommand; the entry point acts on the parse result itself
        return root;
    }

    private static Command CreateExportCommand()
    {
        // Written into unit files as it is: a user name or a uid, nothing that could start another line or setting.
        UserOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } user && !UserNameOrId().IsMatch(user))
            {
                result.AddError($"--user '{user}' is not a user name or a uid.");
            }
        });

        TargetArgument.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. TargetNames]);
        // By name only: an enum would also take "1".
        HardeningOption.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. Enum.GetNames<ExportHardening>().Select(n => n.ToLowerInvariant())]);
        return new Command("export", "Write deployment files that run this app's processes into DIR.")
        {
            TargetArgument, OutOption, UserOption, ExecOption, ImageOption, HardeningOption, ForceOption, ExportEnvFileOption, ExportAllOption, ExportNamesArgument,
        };
    }

    private static string RenderHelp(ParseResult result)
    {
        using var writer = new StringWriter();
        result.Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        var help = writer.ToString().TrimEnd();
        return result.CommandResult.Command == Root ? help : WithoutRunNames(help);
    }

    // System.CommandLine shows a subcommand's parents' arguments too: "app [<NAME>...] signal <NAME> <SIGNAL>", and the
    // root's NAME (the processes a run starts) beside the subcommand's own NAME. A subcommand takes no process to run:
    // its help says only what it takes.
    private static string WithoutRunNames(string help)
    {
        var lines = help.Split('\n').Where(line => !(line.TrimStart().StartsWith("<NAME>", StringComparison.Ordinal)
            && line.Contains(NamesArgument.Description!, StringComparison.Ordinal)));
        return string.Join('\n', lines).Replace($"{Root.Name} [<NAME>...] ", Root.Name + " ", StringComparison.Ordinal);
    }

    // Generated, like the launcher's other patterns: checked when compiled, and nothing parsed or interpreted at run time.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.-]{0,31}\z|^[0-9]{1,10}\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UserNameOrId();
}
