using System;
using System.Collections.Generic;
using System.Linq;

namespace ProdServer.Config;

/// <summary>The entry point's command line: <c>[NAME...] [--list] [--dry-run] [--help]</c>, the rest left to the host.</summary>
internal sealed class ProdServerCommandLine
{
    public const string Usage = """
        Usage: <app> [NAME...] [--all] [--list] [--dry-run [--json]] [--check] [--env-file PATH]... [--skip-release] [--help] [-- SERVER-FLAGS...]
               <app> export systemd|supervisord|compose|procfile --out DIR [NAME...]

          NAME        the process(es) to run; default: the first declared (or ProdServer:Default)
          --all       run every declared process (when one ends for good, ProdServer:OnGiveUp decides:
                      StopAll (default) stops the others, KeepOthers keeps them running)
          --list      print the declared processes (name, backend, app) and exit
          --dry-run   validate, print each process's exact command line and added environment, and exit
          --json      with --dry-run: one JSON object per process (name, executable, args, env, workingDirectory)
          --check     validate, then run each server's own check where it has one (gunicorn --check-config); exit 0 or 1
          --env-file  a .env file for every process run (repeatable; a later file wins; values are never printed)
          --skip-release  start the servers without running the release steps (migrate, collectstatic, …) first
          --help      print this help and exit
          -- FLAGS    server flags for the one process being run (--threads=8 --expose-tracebacks --no-ipv6);
                      they win over configured values and are validated like them
          export      write deployment files that run this app's processes (default: all of them) into DIR

        Other --key value / --key=value arguments are host configuration (for example
        --ProdServer:Processes:web:Args:Threads=8 or --environment Production).

        Signals: SIGTERM/Ctrl+C stop every process gracefully; SIGHUP reloads them (Gunicorn gets SIGHUP,
        the others are restarted).

        Exit codes: 0 ok; 1 invalid configuration or the server could not start;
        2 usage error (unknown process); otherwise the server's own exit code (128+N when killed by signal N).
        """;

    public List<string> Names { get; } = [];

    public bool List { get; private set; }

    /// <summary>Whether <c>--all</c> asks for every declared process.</summary>
    public bool All { get; private set; }

    public bool DryRun { get; private set; }

    public bool Help { get; private set; }

    public bool SkipRelease { get; private set; }

    public bool Check { get; private set; }

    public bool Json { get; private set; }

    /// <summary>The target after <c>export</c>, or <see langword="null"/> when this is not an export.</summary>
    public string? ExportTarget { get; private set; }

    /// <summary>The files after each <c>--env-file</c>, in order.</summary>
    public List<string> EnvFiles { get; } = [];

    /// <summary>Everything after <c>--</c>: server flags that override the configured ones.</summary>
    public List<string> ServerOverrides { get; } = [];

    /// <summary>Whether the first word was <c>export</c>.</summary>
    public bool Export { get; private set; }

    /// <summary>The directory after <c>--out</c>.</summary>
    public string? OutputDirectory { get; private set; }

    /// <summary>Whether <paramref name="arg"/> is one of our value-less switches.</summary>
    public static bool IsSwitch(string arg) => arg is "--list" or "--dry-run" or "--all" or "--json" or "--check" or "--skip-release" or "--help" or "-h" or "-?";

    public static ProdServerCommandLine Parse(IReadOnlyList<string> args)
    {
        var parsed = new ProdServerCommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--list":
                    parsed.List = true;
                    break;
                case "--dry-run":
                    parsed.DryRun = true;
                    break;
                case "--json":
                    parsed.Json = true;
                    break;
                case "--check":
                    parsed.Check = true;
                    break;
                case "--skip-release":
                    parsed.SkipRelease = true;
                    break;
                case "--all":
                    parsed.All = true;
                    break;
                case "--help" or "-h" or "-?":
                    parsed.Help = true;
                    break;
                case "--env-file" when i + 1 < args.Count:
                    parsed.EnvFiles.Add(args[++i]);
                    break;
                case "--out" when i + 1 < args.Count:
                    parsed.OutputDirectory = args[++i];
                    break;
                case "export" when parsed.Names.Count == 0 && !parsed.Export:
                    parsed.Export = true;
                    break;
                case "--":
                    parsed.ServerOverrides.AddRange(args.Skip(i + 1));
                    return parsed;
                default:
                    if (arg.StartsWith('-') || arg.StartsWith('/'))
                    {
                        // Host configuration, as the command-line configuration provider reads it: "--key value" takes the next word.
                        if (!arg.Contains('=') && i + 1 < args.Count && !IsSwitch(args[i + 1]))
                        {
                            i++;
                        }
                    }
                    else if (parsed.Export && parsed.ExportTarget is null)
                    {
                        parsed.ExportTarget = arg;
                    }
                    else
                    {
                        parsed.Names.Add(arg);
                    }

                    break;
            }
        }

        return parsed;
    }
}
