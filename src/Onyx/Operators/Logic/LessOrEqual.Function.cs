namespace Onyx.Operators;

internal static partial class LessOrEqual
{
    /// <summary>C = A &lt; B or A == B.</summary>
    internal static FunctionBody BodyV12(FunctionBodyContext context) => OrEqual.Write("Less", context.Schema.SinceVersion);
}
