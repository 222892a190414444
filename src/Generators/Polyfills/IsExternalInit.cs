// netstandard2.0 lacks this marker type; the compiler needs it for the init accessors of our model records.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
