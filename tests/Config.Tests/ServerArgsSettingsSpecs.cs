using FluentValidation;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The settings the rules judge are read from a record once per validation run, whatever the number of rules asking.</summary>
public sealed class ServerArgsSettingsSpecs
{
    [Fact]
    public void Every_rule_of_one_validation_run_gets_the_same_settings_read_once()
    {
        var args = new WaitressArgs { Listen = ["127.0.0.1:8000"], Port = 8000, UnixSocket = "/run/web.sock" };
        var context = new ValidationContext<WaitressArgs>(args);

        var result = new WaitressArgsValidator().Validate(context);

        // Three rules read the settings (Listen, UnixSocket, and the exclusive pairs): one bag was stored for the run.
        Assert.Contains(result.Errors, e => e.ErrorMessage.StartsWith("Listen cannot be combined with Host or Port", System.StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.ErrorMessage.StartsWith("UnixSocket cannot be combined", System.StringComparison.Ordinal));
        var stored = Assert.Single(context.RootContextData);
        var settings = ServerArgsSettings.Of(context);
        Assert.Same(settings, ServerArgsSettings.Of(context));
        Assert.Equal(["127.0.0.1:8000"], settings.GetList("Listen"));
        Assert.NotNull(stored.Value);
    }

    [Fact]
    public void A_run_over_another_record_reads_that_record_not_the_stored_one()
    {
        var first = new ValidationContext<WaitressArgs>(new WaitressArgs { Port = 8000 });
        var firstSettings = ServerArgsSettings.Of(first);
        var second = new ValidationContext<WaitressArgs>(new WaitressArgs { Port = 9000 }, null, first.Selector);
        foreach (var (key, value) in first.RootContextData)
        {
            second.RootContextData[key] = value; // as a child validator sharing the root's data would see it
        }

        Assert.Equal(8000, firstSettings.GetInteger("Port"));
        Assert.Equal(9000, ServerArgsSettings.Of(second).GetInteger("Port"));
    }
}
