namespace Onyx.Operators;

internal static partial class GreaterOrEqual
{
    /// <summary>C = A &gt; B or A == B.</summary>
    internal static FunctionBody BodyV12(FunctionBodyContext context) => OrEqual.Write("Greater", context.Schema.SinceVersion);
}
