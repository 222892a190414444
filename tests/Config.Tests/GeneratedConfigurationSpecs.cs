using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// 10 000 generated configurations — valid, invalid and hostile (line breaks, <c>--</c> prefixes, huge numbers, unicode,
/// empty names) — through binding, validation and the dry run.
/// </summary>
public sealed class GeneratedConfigurationSpecs
{
    private static readonly string[] Names = ["web", "worker", "WEB", "", " ", "ünï", "--all", "a\nb", "-", "x y", "web.1"];

    private static readonly string[] Keys =
    [
        "Backend", "App", "WorkingDirectory", "Python", "Venv", "ManagePy", "StopTimeout", "Restart", "StartSeconds",
        "StartRetries", "RestartDelay", "RestartMaxDelay", "Readiness:Path", "Readiness:Status", "Readiness:Timeout",
        "Readiness", "Environment:FOO", "PythonPath:0", "Args", "Args:Host", "Args:Port", "Args:Threads", "Args:listen:0",
        "Args:Listen:1", "Args:ExposeTracebacks", "Args:channel-timeout", "Args:url-prefix", "Args:TrustedProxyHeaders:0",
        "Args:trusted_proxy_headers", "Args:UnixSocket", "Args:Ident", "Args:Unknown", "Bogus",
    ];

    private static readonly Gen<string> Values = Gen.OneOf<string>(
        Gen.OneOf(
            "", " ", "0", "8", "-1", "65536", "99999999999999999999", "1e308", "NaN", "true", "True", "no", "00:00:01",
            "-00:00:01", "on-failure", "Always", "never", "Waitress", "waitress", "Gunicorn", "hello:app", "mysite.wsgi:application",
            "/health", "health", "127.0.0.1", "127.0.0.1:8000", "[::1]:8000", "--threads=9", "8 --threads=9", "a\nb",
            "\r\n--x", "ünïcødé", "x-forwarded-for", "--", "-", "'; rm -rf /", "$(id)", "\0"),
        Gen.String[0, 24]);

    private static readonly Gen<(int Name, string Key, string Value)> Setting =
        Gen.Select(Gen.Int[0, Names.Length - 1], Gen.OneOf(Keys), Values);

    private static readonly Gen<(bool InCode, (int Name, string Key, string Value)[] Settings, string? OnGiveUp)> Configurations =
        Gen.Select(
            Gen.Bool,
            // Half the samples hold few settings, so that plenty of them are valid and reach the dry run.
            Gen.OneOf<(int, string, string)[]>(Setting.Array[0, 2], Setting.Array[0, 12]),
            Gen.OneOf<string?>(null, null, null, "StopAll", "keepothers", "Panic", ""));

    [Fact]
    public void Ten_thousand_generated_configurations_bind_validate_and_dry_run_without_surprises()
    {
        var (valid, rejected) = (0, 0);
        Configurations.Sample(c => { if (Check(c)) valid++; else rejected++; }, iter: 10_000, threads: 1, print: Describe);

        // Both paths were walked many times: the generator is neither all-valid nor all-garbage.
        Assert.True(valid > 400 && rejected > 400, $"{valid} valid, {rejected} rejected");
    }

    // Returns whether the configuration was valid (and dry-run), false when it was rejected.
    private static bool Check((bool InCode, (int Name, string Key, string Value)[] Settings, string? OnGiveUp) configuration)
    {
        // Configuration keys ignore case, as the in-memory provider does.
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key, value) in configuration.Settings)
        {
            settings[$"ProdServer:Processes:{Names[name]}:{key}"] = value;
        }

        if (configuration.OnGiveUp is { } onGiveUp)
        {
            settings["ProdServer:OnGiveUp"] = onGiveUp;
        }

        Action<ProdServerBuilder>? code = configuration.InCode ? o => o.UseWaitress("hello:app") : null;
        ProdServerOptions options;
        try
        {
            options = Infrastructure.Options.Resolve(code, settings);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                AssertNamesProcessAndKey(failure);
            }

            return false;
        }

        foreach (var process in options.Processes)
        {
            var output = new StringWriter();
            DryRun.WriteAsync(output, json: false, [], [process], Path.GetTempPath()).GetAwaiter().GetResult();
            var argv = process.Backend.BuildArguments(process);
            var flags = process.Args.Flags.Select(f => "--" + f.Name).ToArray();

            // Every value lands inside its own --flag=value element; the app target is the last element, whole.
            Assert.Equal(process.App, argv[^1]);
            foreach (var argument in argv.Take(argv.Count - 1))
            {
                Assert.True(
                    flags.Any(f => argument == f || argument.StartsWith(f + "=", StringComparison.Ordinal) || argument == "--no-" + f[2..]),
                    $"'{argument}' is not one of {process.Name}'s flags: a value became an argument of its own");
            }

            // The dry run prints exactly the planned command, on one line (a value with a line break is written $'…\n…').
            Assert.EndsWith(LaunchPlanner.Plan(process, Path.GetTempPath(), requireExecutable: false).DisplayCommandLine + Environment.NewLine, output.ToString());
        }

        return true;
    }

    private static void AssertNamesProcessAndKey(string failure)
    {
        if (failure.StartsWith("Process '", StringComparison.Ordinal))
        {
            var name = failure["Process '".Length..failure.IndexOf("':", StringComparison.Ordinal)];
            Assert.True(failure.Contains($"ProdServer:Processes:{name}", StringComparison.Ordinal), $"no key in: {failure}");
            return;
        }

        // The rest are about the section itself (OnGiveUp, Default, nothing declared), and say which.
        Assert.True(
            failure.Contains("ProdServer:", StringComparison.Ordinal) || failure.StartsWith("AddProdServer declares no process", StringComparison.Ordinal),
            $"neither a process nor a key in: {failure}");
    }

    private static string Describe((bool InCode, (int Name, string Key, string Value)[] Settings, string? OnGiveUp) c) =>
        $"in code: {c.InCode}; OnGiveUp: {c.OnGiveUp}; " + string.Join("; ", c.Settings.Select(s => $"{Names[s.Name]}:{s.Key}={s.Value.Replace("\n", "\\n")}"));
}
