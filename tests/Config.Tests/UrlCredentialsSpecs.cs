using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Hosting;
using ProdServer.Config.Tests.Infrastructure;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>URL passwords are masked wherever a person reads them (dry-run text, --check, logs), and kept exact for tools.</summary>
public sealed class UrlCredentialsSpecs
{
    [Theory]
    [InlineData("redis://:s3cr3t@redis.internal:6379/0", "redis://:***@redis.internal:6379/0")]
    [InlineData("--broker=amqp://guest:guest@rabbit//", "--broker=amqp://guest:***@rabbit//")]
    [InlineData("redis://u:p@ss@host/1", "redis://u:***@host/1")]
    [InlineData("redis://:a@h1;redis://:b@h2", "redis://:***@h1;redis://:***@h2")]
    [InlineData("postgres://app:pw@db/app?sslmode=require", "postgres://app:***@db/app?sslmode=require")]
    public void The_password_of_a_url_is_masked_and_the_rest_stays_readable(string text, string masked)
    {
        Assert.Equal(masked, UrlCredentials.Redact(text));
        Assert.True(UrlCredentials.HasPassword(text));
    }

    [Theory]
    [InlineData("redis://redis.internal:6379/0")]
    [InlineData("redis://user@host/0")]
    [InlineData("mysite.wsgi:application")]
    [InlineData("--bind=127.0.0.1:8000")]
    public void Text_without_a_url_password_is_left_alone(string text)
    {
        Assert.Equal(text, UrlCredentials.Redact(text));
        Assert.False(UrlCredentials.HasPassword(text));
    }

    [Fact]
    public void The_command_shown_to_people_masks_the_password_and_the_exact_one_keeps_it()
    {
        var plan = new LaunchPlan("worker", "/usr/bin/python3", ["-m", "celery", "--broker=redis://:s3cr3t@h/0", "worker"], "/", new Dictionary<string, string>());

        Assert.Contains("s3cr3t", plan.CommandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", plan.DisplayCommandLine, StringComparison.Ordinal);
        Assert.Contains("--broker=redis://:***@h/0", plan.DisplayCommandLine, StringComparison.Ordinal);
    }
}

/// <summary>A malformed appsettings.json is one line naming the file, line and column, and exit code 1, never a stack trace.</summary>
public sealed class AppSettingsErrorSpecs : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose()
    {
        Environment.ExitCode = 0;
        _root.Dispose();
    }

    [Fact]
    public void Malformed_appsettings_json_is_one_line_with_file_line_and_column()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.json"), "{\n  \"ProdServer\": {\n    \"Default\": web\n  }\n}\n");
        using var error = new StringWriter();

        var builder = ProdServerHost.TryCreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _root.Path }, error);

        Assert.Null(builder);
        Assert.Equal(1, Environment.ExitCode);
        var line = Assert.Single(EntryPoint.Lines(error.ToString()));
        Assert.StartsWith(Path.Combine(_root.Path, "appsettings.json") + ":3:", line, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_names_the_file()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.json"), "{ \"A\": 1, \"a\": 2 }");
        using var error = new StringWriter();

        Assert.Null(ProdServerHost.TryCreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _root.Path }, error));
        Assert.Contains("appsettings.json", error.ToString(), StringComparison.Ordinal);
        Assert.Single(EntryPoint.Lines(error.ToString()));
    }

    [Fact]
    public void A_valid_appsettings_json_gives_the_builder()
    {
        File.WriteAllText(Path.Combine(_root.Path, "appsettings.json"), "{ \"ProdServer\": { \"Default\": \"web\" } }");
        using var error = new StringWriter();

        var builder = ProdServerHost.TryCreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _root.Path }, error);

        Assert.Equal("web", Assert.IsType<HostApplicationBuilder>(builder).Configuration["ProdServer:Default"]);
        Assert.Empty(error.ToString());
    }
}
