namespace ProdServer.Config.Generators.Model;

/// <summary>The shapes of property the generator knows how to translate; each maps to one ServerArgument/reader call.</summary>
internal enum FlagValueKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Enum,
    StringList,
    EnumList,
    Extra,
    Positional,
}
