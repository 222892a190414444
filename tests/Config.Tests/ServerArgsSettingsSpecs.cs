using System;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>The settings the rules judge are read from a record once per check, whatever the number of rules asking.</summary>
public sealed class ServerArgsSettingsSpecs
{
    [Fact]
    public void Every_rule_of_one_check_gets_the_same_settings_read_once()
    {
        var args = new WaitressArgs { Listen = ["127.0.0.1:8000"], Port = 8000, UnixSocket = "/run/web.sock" };
        var found = new ArgsProblems(args);

        WaitressArgsRules.Check(args, found);

        // Three rules read the settings (Listen, UnixSocket, and the exclusive pairs): one bag served them all.
        Assert.Contains(found.Found, e => e.Message.StartsWith("Listen cannot be combined with Host or Port", StringComparison.Ordinal));
        Assert.Contains(found.Found, e => e.Message.StartsWith("UnixSocket cannot be combined", StringComparison.Ordinal));
        Assert.Same(found.Settings, found.Settings);
        Assert.Equal(["127.0.0.1:8000"], found.Settings.GetList("Listen"));
    }

    [Fact]
    public void A_check_of_another_record_reads_that_record()
    {
        var first = new ArgsProblems(new WaitressArgs { Port = 8000 });
        var second = new ArgsProblems(new WaitressArgs { Port = 9000 });

        Assert.Equal(8000, first.Settings.GetInteger("Port"));
        Assert.Equal(9000, second.Settings.GetInteger("Port"));
    }
}
