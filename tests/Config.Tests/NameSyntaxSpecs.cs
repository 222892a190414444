using System;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit;

namespace ProdServer.Config.Tests;

/// <summary>
/// The name checks are loops (they run right after a first start's fork, where a regex's first match is costly); these
/// regexes are their specification, compared on generated names that mix the accepted characters with the ones
/// closest to them (non-ASCII letters and digits, separators, a final newline that <c>$</c> would have let through).
/// </summary>
public sealed partial class NameSyntaxSpecs
{
    private static readonly Gen<string> Candidate = Gen.OneOf(
            Gen.Char["AZaz09_.-"], Gen.Char.AlphaNumeric, Gen.Char["éß٣\n :/$\0\u212A"])
        .Array[0, 12].Select(chars => new string(chars));

    [Fact]
    public void The_process_name_check_accepts_exactly_what_its_regex_does() =>
        Candidate.Where(name => !Array.Exists(Names.Reserved, r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)))
            .Sample(name => Assert.Equal(ProcessName().IsMatch(name), Names.NameProblem(name) is null), iter: 5000);

    [Fact]
    public void The_environment_name_check_accepts_exactly_what_its_regex_does() =>
        Candidate.Sample(name => Assert.Equal(EnvironmentName().IsMatch(name), Names.IsEnvironmentName(name)), iter: 5000);

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.\-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessName();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentName();
}
