using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>The rules for the options <c>celery worker</c> and <c>celery beat</c> share, included by both validators.</summary>
internal sealed partial class CeleryGlobalOptionsValidator : AbstractValidator<ICeleryGlobalOptions>
{
    public CeleryGlobalOptionsValidator()
    {
        RuleFor(a => a.Broker).NotEmpty().When(a => a.Broker is not null)
            .WithMessage("Broker must be a URL such as redis://127.0.0.1:6379/0; leave it unset to use the app's broker_url.");
        RuleFor(a => a.Broker).MatchesWhenSet(Url).When(a => !string.IsNullOrEmpty(a.Broker))
            .WithMessage("Broker must be a URL with a scheme (redis://, amqp://, sqs://…), got '{PropertyValue}'.");
        RuleFor(a => a.ResultBackend).NotEmpty().When(a => a.ResultBackend is not null)
            .WithMessage("ResultBackend must be a URL such as redis://127.0.0.1:6379/1; leave it unset to use the app's result_backend.");
        RuleFor(a => a.Loader).NotEmpty().When(a => a.Loader is not null).WithMessage("Loader must be an import path; leave it unset for the default.");
        RuleFor(a => a.Config).NotEmpty().When(a => a.Config is not null).WithMessage("Config must be a module name; leave it unset for none.");
        RuleFor(a => a.Workdir).NotEmpty().When(a => a.Workdir is not null)
            .WithMessage("Workdir must be a directory; leave it unset to stay in the process's WorkingDirectory.");
    }

    // scheme://… or a bare scheme such as memory:// — celery resolves transport aliases from the part before '://'.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://")]
    private static partial Regex Url();
}

/// <summary>The rules for logging, privileges and detaching, which worker and beat share.</summary>
internal sealed partial class CeleryDaemonOptionsValidator : AbstractValidator<ICeleryDaemonOptions>
{
    public CeleryDaemonOptionsValidator()
    {
        // A detached celery forks and its first process exits 0 at once: the SDK would report the server gone and could never stop it.
        RuleFor(a => a.Detach).NotEqual(true)
            .WithMessage("Detach cannot be used: celery would fork into the background, out of the SDK's supervision (it could not be stopped or restarted). Leave it unset.");
        RuleFor(a => a.LogFile).NotEmpty().When(a => a.LogFile is not null).WithMessage("LogFile must be a path; leave it unset to log to stderr (and so to ILogger).");
        RuleFor(a => a.PidFile).NotEmpty().When(a => a.PidFile is not null).WithMessage("PidFile must be a path.");
        RuleFor(a => a.Uid).NotEmpty().When(a => a.Uid is not null).WithMessage("Uid must be a user name or a uid.");
        RuleFor(a => a.Gid).NotEmpty().When(a => a.Gid is not null).WithMessage("Gid must be a group name or a gid.");
        RuleFor(a => a.Umask).Must(BeUmask).When(a => a.Umask is not null)
            .WithMessage("Umask must be octal with a leading 0 (022) or decimal without one (18), at most 0777, got '{PropertyValue}'.");
        RuleFor(a => a.Executable).NotEmpty().When(a => a.Executable is not null).WithMessage("Executable must be a path to python.");
    }

    /// <summary>The mode celery makes of <paramref name="umask"/>: <c>int(value, 8 if value.startswith('0') else 10)</c>.</summary>
    /// <param name="umask">The configured text.</param>
    /// <returns>The mode, or <see langword="null"/> when celery would fail to parse it.</returns>
    public static int? Parse(string umask)
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

    private static bool BeUmask(string? umask) => umask is not null && Parse(umask) is >= 0 and <= 511;

    [GeneratedRegex("^[0-9]{1,6}\\z")]
    private static partial Regex Digits();
}
