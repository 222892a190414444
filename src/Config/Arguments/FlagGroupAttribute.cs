using System;

namespace ProdServer.Config;

/// <summary>
/// Says where the <see cref="FlagAttribute"/> properties of a base record are written by the <see cref="ServerArgsAttribute"/>
/// records derived from it. Optional: inherited flags are found without it and written first, before the derived record's own.
/// A base record (abstract or not) declares a group of flags once — the <c>celery</c> command's global options, the options
/// every Django management command has — and each server's record inherits it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class FlagGroupAttribute : Attribute
{
    /// <summary>Where the derived records write this record's flags. Default <see cref="FlagGroupPosition.First"/>.</summary>
    public FlagGroupPosition Position { get; set; }
}

/// <summary>Where an inherited group of flags is written, relative to the flags the derived record declares itself.</summary>
public enum FlagGroupPosition
{
    /// <summary>Before the derived record's own flags (outermost base first).</summary>
    First,

    /// <summary>
    /// After the derived record's own flags and before its extra arguments (outermost base first), as Django's
    /// <c>--help</c> lists the options every management command has after the command's own.
    /// </summary>
    Last,
}
