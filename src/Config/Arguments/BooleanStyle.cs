namespace ProdServer.Config;

/// <summary>How a server spells a boolean flag. No style ever writes <c>--flag=True</c> unless the server asks for a value.</summary>
public enum BooleanStyle
{
    /// <summary>Not declared; the generator reports PSC1004 because guessing would produce flags the server rejects.</summary>
    Unspecified = 0,

    /// <summary><see langword="true"/> writes <c>--flag</c>, <see langword="false"/> writes <c>--no-flag</c> (waitress, click pairs).</summary>
    Negatable = 1,

    /// <summary><see langword="true"/> writes <c>--flag</c>; <see langword="false"/> writes nothing (set-only switches).</summary>
    Switch = 2,

    /// <summary><see langword="false"/> writes <c>--no-flag</c>; <see langword="true"/> writes nothing (negative-only switches such as gunicorn's <c>--no-sendfile</c>).</summary>
    NegativeSwitch = 3,

    /// <summary>Writes <c>--flag=true</c> or <c>--flag=false</c>, for the rare flag that requires a value (uvicorn's <c>--ws-per-message-deflate</c>).</summary>
    Value = 4,
}
