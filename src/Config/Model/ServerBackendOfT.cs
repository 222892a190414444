using System.Collections.Generic;
using System.Linq;
using FluentValidation;

namespace ProdServer.Config;

/// <summary>
/// A backend whose options are the args record <typeparamref name="TArgs"/>: checked against the ranges its flags declare,
/// the built-in backends' own rules, and a FluentValidation validator of yours when you give one.
/// </summary>
/// <typeparam name="TArgs">The args record.</typeparam>
public abstract class ServerBackend<TArgs> : ServerBackend
    where TArgs : class, IServerArgs, new()
{
    private IValidator<TArgs>? _argsValidator;
    private bool _argsValidatorCreated;

    /// <summary>
    /// Creates a FluentValidation validator of <typeparamref name="TArgs"/> for rules of your own, or returns
    /// <see langword="null"/> (the default) for none; called once, on the first validation. Lazily, because building a
    /// FluentValidation validator compiles its rules, and a host should only pay that for the backends it runs. The
    /// built-in backends state their rules as plain conditions instead, which a first start checks before the host exists.
    /// </summary>
    /// <returns>The validator, or <see langword="null"/>.</returns>
    protected virtual IValidator<TArgs>? CreateArgsValidator() => null;

    /// <summary>The built-in backends' own rules over <paramref name="args"/> (<c>&lt;Server&gt;ArgsRules</c>); none by default.</summary>
    /// <param name="args">The record to judge.</param>
    /// <param name="found">Where each problem goes.</param>
    private protected virtual void CheckArgs(TArgs args, ArgsProblems found)
    {
    }

    /// <inheritdoc />
    public sealed override IServerArgs CreateDefaultArgs() => new TArgs();

    /// <inheritdoc />
    public override IReadOnlyList<SettingProblem> Validate(ProcessDefinition process)
    {
        var problems = new List<SettingProblem>();
        if (string.IsNullOrWhiteSpace(process.App))
        {
            if (RequiresApp)
            {
                problems.Add(new("App", MissingAppProblem));
            }
        }
        else if (ValidateApp(process.App) is { } appProblem)
        {
            problems.Add(new("App", appProblem));
        }

        if (process.Args is not TArgs args)
        {
            problems.Add(new("Args", $"Args must be {typeof(TArgs).Name} for the {Name} backend, not {process.Args.GetType().Name}."));
            return problems;
        }

        var found = new ArgsProblems(args);
        CheckArgs(args, found);
        foreach (var problem in found.Found)
        {
            problems.Add(new("Args:" + problem.Key, problem.Message));
        }

        // A NUL ends a C string: the server would get a shorter argument than configured, so the launch refuses it. Said
        // here, naming the key, so that validation, --dry-run (whose $'…' text bash would cut there), --check and an
        // import find it too.
        foreach (var written in args.WrittenFlags)
        {
            if (HoldsNul(written.Value))
            {
                problems.Add(new("Args:" + written.Flag.Property, $"{written.Flag.Property} holds a NUL character, which no command line can carry."));
            }
        }

        // sockaddr_un holds 107 bytes: a longer socket path passed every check, and then each start failed with the server's
        // own misleading "Can't connect" until it gave up. The path is the server's as written (a relative one is bound
        // relative), so its own length counts.
        foreach (var socket in GetUnixSockets(process))
        {
            if (System.Text.Encoding.UTF8.GetByteCount(socket) > UnixSockets.MaxPathBytes)
            {
                problems.Add(new("Args", $"The Unix socket '{Names.PrintablePath(socket)}' is longer than a socket path may be ({UnixSockets.MaxPathBytes} bytes); use a shorter one (a directory nearer /, or a path relative to the working directory)."));
            }
        }

        if (!_argsValidatorCreated)
        {
            _argsValidator = CreateArgsValidator();
            _argsValidatorCreated = true;
        }

        if (_argsValidator is not null)
        {
            problems.AddRange(_argsValidator.Validate(args).Errors.Select(e => new SettingProblem("Args:" + e.PropertyName, e.ErrorMessage)));
        }

        // The ranges declared on the flags; a validator that words one of them itself (with a hint) keeps its message.
        var reported = problems.Select(p => p.Key).ToHashSet(System.StringComparer.Ordinal);
        problems.AddRange(DeclaredRanges.Problems(args, reported));
        return problems;
    }

    private static bool HoldsNul(object value) => value switch
    {
        string text => text.Contains('\0', System.StringComparison.Ordinal),
        string[] texts => System.Array.Exists(texts, t => t.Contains('\0', System.StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>
    /// Whether a process must name an <see cref="ProcessDefinition.App"/>. Default <see langword="true"/>; Django management
    /// commands (<c>db_worker</c>, <c>qcluster</c>, <c>runserver</c>) find the project through <c>manage.py</c> instead.
    /// </summary>
    protected virtual bool RequiresApp => true;

    /// <summary>The message when <see cref="RequiresApp"/> and no app is set; says what the app means for this server.</summary>
    protected virtual string MissingAppProblem => DjangoApplicationSetting.For(this) is { } setting
        ? $"App is required: the application target for {Command}, for example {(setting == DjangoApplicationSetting.Asgi ? "mysite.asgi:application" : "mysite.wsgi:application")}. In a Django project, --check reads {setting} and names the app to set (start-up runs no Python to find it)."
        : $"App is required: the application target for {Command}, for example mysite.wsgi:application.";

    /// <summary>Checks the app target's form; returns what is wrong, or <see langword="null"/>.</summary>
    /// <param name="app">The app target.</param>
    /// <returns>A sentence, or <see langword="null"/>.</returns>
    protected virtual string? ValidateApp(string app) => null;
}
