using System.Linq;
using System.Text;

namespace ProdServer.Config;

/// <summary>
/// Escaping for systemd unit files (systemd.syntax(7), systemd.unit(7) "SPECIFIERS", systemd.service(7) "COMMAND
/// LINES"). Values never hold a line break (<see cref="ExportText"/> refuses them), so these only keep one value one value.
/// </summary>
internal static class SystemdSyntax
{
    /// <summary>
    /// A value systemd reads as written apart from specifiers (<c>Description=</c>, <c>WorkingDirectory=</c>,
    /// <c>EnvironmentFile=</c>): <c>%</c> doubled. Leading and trailing whitespace would be stripped, so it is refused.
    /// </summary>
    public static string Verbatim(string owner, string key, string value)
    {
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value[^1] == '\\'))
        {
            throw ExportText.Refused(owner, key, $"'{ExportText.Printable(value)}' starts or ends with whitespace or ends with '\\', which a unit file cannot carry");
        }

        return value.Replace("%", "%%");
    }

    /// <summary>
    /// A path setting read as written (<c>WorkingDirectory=</c>, <c>EnvironmentFile=</c>): absolute, normalized (systemd
    /// ignores <c>.</c> and <c>..</c> components with a warning), each component at most 255 bytes.
    /// </summary>
    public static string Path(string owner, string key, string path)
    {
        DeploymentCheck.AbsolutePath(owner, key, path);
        var parts = path.Split('/');
        if (parts.Any(p => p is "." or ".." || Encoding.UTF8.GetByteCount(p) > 255) || Encoding.UTF8.GetByteCount(path) >= 4096)
        {
            throw ExportText.Refused(owner, key, $"'{ExportText.Printable(path)}' is not a normalized path of at most 4095 bytes with components of at most 255");
        }

        return Verbatim(owner, key, path);
    }

    /// <summary>
    /// One word of a quoted list (<c>Environment=</c>, <c>ReadWritePaths=</c>): double quotes with <c>\</c> and <c>"</c>
    /// escaped, <c>%</c> doubled.
    /// </summary>
    public static string Quoted(string word) =>
        "\"" + word.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("%", "%%") + "\"";

    /// <summary>
    /// One word of <c>ExecStart=</c>: <see cref="Quoted"/>, and <c>$</c> doubled so systemd never substitutes a variable.
    /// A word that is only <c>;</c> is written <c>\;</c>, which systemd reads as that word rather than a command separator.
    /// </summary>
    public static string ExecWord(string word) => word == ";" ? "\\;" : Quoted(word).Replace("$", "$$");
}
