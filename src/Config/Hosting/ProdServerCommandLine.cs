using System;
using System.Collections.Generic;

namespace ProdServer.Config;

/// <summary>The entry point's command line: <c>[NAME...] [--list] [--dry-run] [--help]</c>, the rest left to the host.</summary>
internal sealed class ProdServerCommandLine
{
    public const string Usage = """
        Usage: <app> [NAME...] [--all] [--list] [--dry-run] [--help]

          NAME        the process(es) to run; default: the first declared (or ProdServer:Default)
          --all       run every declared process (when one ends for good, ProdServer:OnGiveUp decides:
                      StopAll (default) stops the others, KeepOthers keeps them running)
          --list      print the declared processes (name, backend, app) and exit
          --dry-run   validate, print each process's exact command line and added environment, and exit
          --help      print this help and exit

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

    /// <summary>Whether <paramref name="arg"/> is one of our value-less switches.</summary>
    public static bool IsSwitch(string arg) => arg is "--list" or "--dry-run" or "--all" or "--help" or "-h" or "-?";

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
                case "--all":
                    parsed.All = true;
                    break;
                case "--help" or "-h" or "-?":
                    parsed.Help = true;
                    break;
                case "--":
                    // Server overrides after "--" are a later feature; stop reading here so they are never taken as names.
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
