using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProdServer.Config.Generators.Model;

namespace ProdServer.Config.Generators;

/// <summary>
/// Implements <c>IServerArgs</c> for every <c>partial record</c> marked <c>[ServerArgs]</c>: the flag table,
/// the argv translator and the configuration binder, and the typed builder methods its <c>[ServerBuilder]</c> attributes ask for. This file only wires the pipeline; see <see cref="Parser"/>
/// and <see cref="Emitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ServerArgsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Any type declaration, not only records, so that a [ServerArgs] class or struct gets PSC1001 instead of silence.
        // Two providers instead of one ForAttributeWithMetadataName (the lead's call on STYLE.md §6, issue 15): that binds
        // every record's [ServerArgs] in full to find it, the largest fixed cost per record. A declaration whose attribute is
        // spelled ServerArgs is read by the parser, which looks the name up itself; only one whose attribute is written
        // through a using alias (not visible from its own syntax) goes through ForAttributeWithMetadataName. A declaration
        // is in exactly one of the two.
        var spelled = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => ServerArgsSyntax.IsSpelled(node),
                static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);
        var aliased = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.ServerArgsAttributeName,
                static (node, _) => node is TypeDeclarationSyntax && !ServerArgsSyntax.IsSpelled(node),
                static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.ParseAliased);

        Register(context, spelled);
        Register(context, aliased);
    }

    private static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ParseResult> results)
    {
        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);

        // A separate output so that diagnostics (which carry positions) never invalidate the cached source of a valid record.
        // It carries the ParseResult itself (a result with diagnostics has no model, so it compares as its diagnostics do)
        // rather than the EquatableArray: a struct flowing through the pipeline makes the runtime compile Roslyn's
        // pipeline tables afresh for that type (~80 methods in a build's fresh csc process; reference types share the
        // code the SDK's compiler ships precompiled). See docs/benchmarks.md, "Generator and analyzers".
        var diagnostics = results
            .Where(static r => r.Diagnostics.Count > 0)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            spc.AddSource(model.HintName, Emitter.Emit(model));
            if (model.Builders.Count > 0)
            {
                spc.AddSource(BuilderEmitter.HintName(model), BuilderEmitter.Emit(model));
            }
        });
        context.RegisterSourceOutput(diagnostics, static (spc, result) =>
        {
            foreach (var info in result.Diagnostics)
            {
                spc.ReportDiagnostic(info.ToDiagnostic());
            }
        });
    }
}
