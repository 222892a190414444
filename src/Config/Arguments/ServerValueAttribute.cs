using System;

namespace ProdServer.Config;

/// <summary>Gives an enum member the exact spelling the server expects; without it the member name is written in kebab-case.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class ServerValueAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="value">The spelling written on the command line, for example <c>x-forwarded-for</c>.</param>
    public ServerValueAttribute(string value) => Value = value;

    /// <summary>The spelling written on the command line.</summary>
    public string Value { get; }
}
