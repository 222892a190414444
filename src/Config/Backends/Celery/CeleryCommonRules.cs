using System.Globalization;
using System.Text.RegularExpressions;

namespace ProdServer.Config;

/// <summary>The rules for the options the celery commands share: every command's (worker, beat, flower) and the daemon options of worker and beat.</summary>
internal static partial class CeleryCommonRules
{
    /// <summary>Adds what is wrong with the options every celery command takes to <paramref name="found"/>.</summary>
    public static void CheckGlobal(ICeleryGlobalOptions a, ArgsProblems found)
    {
        found.NotBlankWhenSet(a.Broker, nameof(a.Broker), "Broker must be a URL such as redis://127.0.0.1:6379/0; leave it unset to use the app's broker_url.");
        found.If(!string.IsNullOrEmpty(a.Broker) && !Url().IsMatch(a.Broker), nameof(a.Broker),
            $"Broker must be a URL with a scheme (redis://, amqp://, sqs://…), got {UrlCredentials.Quoted(a.Broker)}.");
        found.NotBlankWhenSet(a.ResultBackend, nameof(a.ResultBackend),
            "ResultBackend must be a URL such as redis://127.0.0.1:6379/1; leave it unset to use the app's result_backend.");
        found.NotBlankWhenSet(a.Loader, nameof(a.Loader), "Loader must be an import path; leave it unset for the default.");
        found.NotBlankWhenSet(a.Config, nameof(a.Config), "Config must be a module name; leave it unset for none.");
        found.NotBlankWhenSet(a.Workdir, nameof(a.Workdir), "Workdir must be a directory; leave it unset to stay in the process's WorkingDirectory.");
    }

    /// <summary>Adds what is wrong with the logging, privilege and detaching options worker and beat share to <paramref name="found"/>.</summary>
    public static void CheckDaemon(ICeleryDaemonOptions a, ArgsProblems found)
    {
        // A detached celery forks and its first process exits 0 at once: the SDK would report the server gone and could never stop it.
        found.If(a.Detach == true, nameof(a.Detach),
            "Detach cannot be used: celery would fork into the background, out of the SDK's supervision (it could not be stopped or restarted). Leave it unset.");
        found.NotBlankWhenSet(a.LogFile, nameof(a.LogFile), "LogFile must be a path; leave it unset to log to stderr (and so to ILogger).");
        found.NotBlankWhenSet(a.PidFile, nameof(a.PidFile), "PidFile must be a path.");
        found.NotBlankWhenSet(a.Uid, nameof(a.Uid), "Uid must be a user name or a uid.");
        found.NotBlankWhenSet(a.Gid, nameof(a.Gid), "Gid must be a group name or a gid.");
        found.If(a.Umask is not null && ParseUmask(a.Umask) is not (>= 0 and <= 511), nameof(a.Umask),
            $"Umask must be octal with a leading 0 (022) or decimal without one (18), at most 0777, got {Quoted.Value(a.Umask)}.");
        found.NotBlankWhenSet(a.Executable, nameof(a.Executable), "Executable must be a path to python.");
    }

    /// <summary>The mode celery makes of <paramref name="umask"/>: <c>int(value, 8 if value.startswith('0') else 10)</c>.</summary>
    /// <param name="umask">The configured text.</param>
    /// <returns>The mode, or <see langword="null"/> when celery would fail to parse it.</returns>
    public static int? ParseUmask(string umask)
    {
        if (!Digits().IsMatch(umask))
        {
            return null;
        }

        if (umask.StartsWith('0'))
        {
            var mode = 0;
            foreach (var digit in umask)
            {
                if (digit > '7')
                {
                    return null;
                }

                mode = (mode * 8) + (digit - '0');
                if (mode > 511)
                {
                    return null;
                }
            }

            return mode;
        }

        return int.TryParse(umask, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    // scheme://… or a bare scheme such as memory:// — celery resolves transport aliases from the part before '://'.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://")]
    private static partial Regex Url();

    [GeneratedRegex("^[0-9]{1,6}\\z")]
    private static partial Regex Digits();
}
