using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ProdServer.Config;

/// <summary>Binds <c>ProdServer:Control</c> (<c>Enabled</c>, <c>Socket</c>, <c>TailLines</c>).</summary>
internal static partial class ProdServerConfigurationBinder
{
    private static void BindControl(IConfigurationSection section, ProdServerOptions options)
    {
        var errors = options.SectionBindingErrors;
        if (section.Value is { Length: > 0 } text)
        {
            errors.Add($"{section.Path} is '{Names.Printable(text)}', but must be a section such as {section.Path}:Enabled.");
        }

        foreach (var child in section.GetChildren())
        {
            if (Array.FindIndex(SettingRules.ControlKeys, k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                errors.Add($"{Names.Printable(child.Path)} is not a control setting; expected one of {string.Join(", ", SettingRules.ControlKeys)}.");
            }
        }

        if (section["Enabled"] is { } enabled)
        {
            if (bool.TryParse(enabled, out var on))
            {
                options.Control.Enabled = on;
            }
            else
            {
                errors.Add($"Control:Enabled '{Names.Printable(enabled)}' ({section.Path}:Enabled) must be {SettingRules.Enabled.MustBe}.");
            }
        }

        if (section["Socket"] is { } socket)
        {
            if (ControlSocket.Problem(socket) is { } problem)
            {
                errors.Add($"Control:Socket {problem} ({section.Path}:Socket)");
            }
            else
            {
                options.Control.Socket = socket;
            }
        }

        if (section["TailLines"] is { } lines)
        {
            if (SettingRules.TailLines.Accepts(lines))
            {
                options.Control.TailLines = int.Parse(lines, NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else
            {
                errors.Add($"Control:TailLines '{Names.Printable(lines)}' ({section.Path}:TailLines) must be {SettingRules.TailLines.MustBe}.");
            }
        }
    }
}
