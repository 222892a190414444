using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.Extensions.Configuration;
using ProdServer.Config.Analyzers.Json;
using Xunit;
using Test = Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<
    ProdServer.Config.Analyzers.AppSettingsFileAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider,
    Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace ProdServer.Config.Analyzers.Tests;

/// <summary>
/// PSC0120: the build refuses exactly the appsettings*.json that .NET's JSON configuration provider refuses. The reader
/// (<see cref="ConfigurationFile"/>) is held against the real provider, document by document and over mutations of
/// realistic files; the analyzer reports at the line and column.
/// </summary>
public sealed class AppSettingsFileCheckTests
{
    public static TheoryData<string> Documents() =>
    [
        "", " ", "{}", "[]", "1", "null", "\"x\"", "true", "{} {}", "{\"a\":1}\n\n{}",
        // Duplicates: case ignored, flattened paths, array indices; empty containers overwrite without a check.
        "{\"a\":1,\"A\":2}", "{\"a\":{\"b\":1},\"a\":{\"c\":2}}", "{\"a\":{\"b\":1},\"A\":{\"B\":2}}", "{\"a:b\":1,\"a\":{\"b\":2}}",
        "{\"a\":[1],\"a\":{\"0\":2}}", "{\"a\":1,\"a\":{}}", "{\"a\":{},\"a\":1}", "{\"a\":[],\"a\":1}", "{\"a\":1,\"a\":[]}",
        "{\"a\":{},\"a\":{}}", "{\"a\":null,\"a\":null}", "{\"a\":{\"b\":1},\"a\":1}", "{\"a\":1,\"a\":{\"b\":1}}", "{\"\":1}",
        "{\"a\":{\"\":1},\"a:\":2}", "{\"a\":[1,2],\"a\":[3]}", "{\"a\":[{\"b\":1}],\"a\":[{\"c\":1}]}", "{\"x\":{\"a\":1,\"b\":{\"A\":2}},\"x:B:a\":3}",
        // Numbers, by JSON's grammar.
        "{\"a\":01}", "{\"a\":1.}", "{\"a\":-0}", "{\"a\":1e05}", "{\"a\":.5}", "{\"a\":1E+2}", "{\"a\":-}", "{\"a\":1e400}", "{\"a\":+1}",
        "{\"a\":1e}", "{\"a\":1.5e-3}", "{\"a\":-01}", "{\"a\":0x10}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1_000}", "{\"a\":0.0}",
        // Strings and escapes.
        "{\"a\":\"x\ty\"}", "{\"a\":\"x\ny\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\\ud800\"}", "{\"\\ud800\":1}",
        "{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\ud83d\\u0041\"}", "{\"a\":\"\u0000\"}", "{\"a\":\"\u007f\"}", "{\"a\":\"\\u00e\"}",
        "{\"a\":\"\\uGGGG\"}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\'\"}", "{\"a\":'x'}", "{'a':1}", "{a:1}", "{\"a\":\"😀é\"}", "{\"a\":\"x}",
        "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
        // Literals, comments, trailing commas, white space.
        "{\"a\":TRUE}", "{\"a\":true}x", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":1,}", "{\"a\":[1,],}", "{,}", "[,]", "{\"a\":[1,,]}",
        "{\"a\":1,,}", "{\"a\":1}//c", "{\"a\":1}/*c", "{\"a\":1}/*c*/", "//c\n{}", "{\"a\":1 /*c*/ , /*d*/ \"b\":2}", "{\"a\" /*c*/ : 1}", "{\"a\"//c\n:1}", "{\"a\" \n : 1}", "[1 /*c*/ ]", "[/*c*/]", "{/*c*/}",
        "{\"a\":1}/", "{\"a\":1}/x", "{\"a\"://c\n1}", "\uFEFF{}", " \uFEFF{}", "{\"a\":1}\u00a0", "{\"a\":1}\f", "{\"a\"\u00a0:1}",
        "{\"a\":1}\r\n", "{\"a\":1}\v", "{\"a\":[[[[1]]]]}",
        // Nesting: 64 levels are read, 65 are not.
        "{\"a\":" + new string('[', 63) + new string(']', 63) + "}", "{\"a\":" + new string('[', 64) + new string(']', 64) + "}",
        // The audit's files.
        "{\n  \"ProdServer\": {\n    \"Processes\": {\n      \"web\": {\n        \"Args\": {\n          \"Workers\": 2\n          \"Timeout\": 30\n        }\n      }\n    }\n  }\n}",
        "{ \"ProdServer\": { \"Processes\": {\n      \"web\": { \"Args\": { \"Workers\": 2,\n                         \"workers\": 4 } },\n      \"Web\": { \"Args\": { \"Timeout\": 30 } } } } }",
        Realistic,
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_build_refuses_a_document_exactly_when_the_configuration_provider_does(string document) => AssertAgree(Encoding.UTF8.GetBytes(document));

    [Fact]
    public void The_build_and_the_provider_agree_on_thousands_of_mutations_of_realistic_settings_files()
    {
        // A fixed seed: the same documents on every run, so a disagreement is reproducible from the message.
        var random = new Random(20261204);
        string[] pieces = ["{", "}", "[", "]", ",", ":", "\"", "\\", "/", "*", "//", "/*", "*/", " ", "\n", "\t", "0", "1", "9", ".", "-", "+",
            "e", "E", "true", "false", "null", "x", "é", "\\u0041", "\\ud83d", "\\ude00", "😀", "\u0001", "\"a\":1,", "\"Workers\":", "\"workers\":2,", "/*c*/", "//c\n", "\r\n", "\u00a0"];
        string[] seeds = [Realistic, "{ \"a\": [1, 2.5e3, -0, \"x\\n\"], \"b\": { \"c\": null, \"d\": true }, /* c */ \"e\": \"\\u00e9\", }", "{\"a\":{\"b\":[{\"c\":1}]},\"A:B:0:C\":[]}"];
        var disagreements = new List<string>();
        for (var i = 0; i < 6000 && disagreements.Count < 5; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(text.Length + 1);
                switch (random.Next(4))
                {
                    case 0 when at < text.Length:
                        text.Remove(at, 1);
                        break;
                    case 1 when at < text.Length:
                        // The same key twice, in another case: the provider's duplicate check.
                        var copy = text.ToString(at, Math.Min(text.Length - at, random.Next(1, 30)));
                        text.Insert(at, random.Next(2) == 0 ? copy.ToUpperInvariant() : copy);
                        break;
                    default:
                        text.Insert(at, pieces[random.Next(pieces.Length)]);
                        break;
                }
            }

            var document = text.ToString();
            if (Disagreement(Encoding.UTF8.GetBytes(document)) is { } why)
            {
                disagreements.Add($"{why}: {document}");
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public async Task A_missing_comma_is_reported_where_the_reader_stops()
    {
        const string json = "{\n  \"ProdServer\": {\n    \"Processes\": {\n      \"web\": {\n        \"Args\": {\n          \"Workers\": 2\n          \"Timeout\": 30\n        }\n      }\n    }\n  }\n}";

        await VerifyAsync([("appsettings.json", json)], withLibrary: true,
            Refused("appsettings.json", 7, 11, 7, 12, "the file is not valid JSON: expected ',' or '}' after a value, found '\"'"));
    }

    [Fact]
    public async Task A_key_given_twice_in_another_case_is_reported_at_the_second_naming_the_line_of_the_first()
    {
        const string json = "{ \"ProdServer\": { \"Processes\": {\n  \"web\": { \"Args\": { \"Workers\": 2,\n    \"workers\": 4 } } } } }";

        await VerifyAsync([("appsettings.Production.json", json)], withLibrary: true,
            Refused("appsettings.Production.json", 3, 5, 3, 17, "the key 'ProdServer:Processes:web:Args:workers' is given a value twice (configuration keys ignore case), first at line 2")
                .WithSpan("/app/appsettings.Production.json", 2, 22, 2, 34));
    }

    [Fact]
    public async Task Two_sections_of_one_name_in_another_case_are_refused_when_they_set_one_key()
    {
        const string json = "{ \"ProdServer\": { \"Processes\": {\n  \"web\": { \"Args\": { \"Timeout\": 30 } },\n  \"Web\": { \"Args\": { \"timeout\": 60 } } } } }";

        await VerifyAsync([("appsettings.json", json)], withLibrary: true,
            Refused("appsettings.json", 3, 22, 3, 35, "the key 'ProdServer:Processes:Web:Args:timeout' is given a value twice (configuration keys ignore case), first at line 2")
                .WithSpan("/app/appsettings.json", 2, 22, 2, 35));
    }

    [Fact]
    public async Task A_file_the_provider_reads_comments_and_trailing_commas_included_and_files_that_are_not_settings_are_not_reported()
    {
        await VerifyAsync([("appsettings.json", Realistic), ("appsettings.Development.json", "{ // dev\n \"Logging\": { \"LogLevel\": { \"Default\": \"Debug\", }, }, }"), ("notes.json", "{ oops")], withLibrary: true);
    }

    [Fact]
    public async Task A_project_without_ProdServer_Config_is_not_judged()
    {
        await VerifyAsync([("appsettings.json", "{ oops")], withLibrary: false);
    }

    [Fact]
    public async Task A_hostile_key_reaches_the_message_escaped()
    {
        const string json = "{ \"a\\nerror CS0001: x\": 1, \"A\\nERROR CS0001: X\": 2 }";

        await VerifyAsync([("appsettings.json", json)], withLibrary: true,
            Refused("appsettings.json", 1, 28, 1, 51, "the key 'A\\u000aERROR CS0001: X' is given a value twice (configuration keys ignore case), first at line 1")
                .WithSpan("/app/appsettings.json", 1, 3, 1, 26));
    }

    // Comments, trailing commas, a byte order mark, escapes, arrays: what appsettings.json files hold.
    private const string Realistic = """
        {
          // Written by hand, as the templates' files are.
          "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning", }, },
          "ProdServer": {
            "Default": "web",
            "Processes": {
              "web": { "Backend": "Gunicorn", "App": "mysite.wsgi:application", "DependsOn": ["worker"],
                       "Args": { "Workers": 4, "Timeout": 30.5, "Bind": ["127.0.0.1:8000", "[::1]:8000"], "Reload": false } },
              /* the Celery worker */
              "worker": { "Backend": "CeleryWorker", "App": "mysite", "Environment": { "GREETING": "Gr\u00fc\u00dfe \"quoted\"" } },
            },
          },
        }
        """;

    private static void AssertAgree(byte[] document) => Assert.Null(Disagreement(document));

    // Why the two disagree about a document, or null when both read it or both refuse it.
    private static string? Disagreement(byte[] document)
    {
        string? providerSays = null;
        try
        {
            new ConfigurationBuilder().AddJsonStream(new MemoryStream(document)).Build();
        }
        catch (Exception e)
        {
            providerSays = (e.InnerException ?? e).Message;
        }

        // The text as the provider's StreamReader decodes it, as the build's SourceText does.
        var text = new StreamReader(new MemoryStream(document), Encoding.UTF8).ReadToEnd();
        var buildSays = ConfigurationFile.Problem(text)?.Reason;
        return (providerSays is null) == (buildSays is null) ? null : $"provider: {providerSays ?? "reads it"}; build: {buildSays ?? "reads it"}";
    }

    private static DiagnosticResult Refused(string file, int line, int column, int endLine, int endColumn, string reason) =>
        new DiagnosticResult(AppSettingsShapeDescriptors.RefusedFile).WithSpan("/app/" + file, line, column, endLine, endColumn).WithArguments(file, reason);

    private static Task VerifyAsync((string File, string Json)[] files, bool withLibrary, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = "class Program { }", ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        if (withLibrary)
        {
            test.TestState.Sources.Add(("/0/ProdServer.Config.cs", Verify.StandIn));
        }

        foreach (var (file, json) in files)
        {
            test.TestState.AdditionalFiles.Add(("/app/" + file, json));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
