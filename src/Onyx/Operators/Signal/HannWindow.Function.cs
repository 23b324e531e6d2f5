namespace Onyx.Operators;

internal static partial class HannWindow
{
    /// <summary>The cosine-sum window with a0 = a1 = 0.5.</summary>
    internal static FunctionBody BodyV17(FunctionBodyContext context) => CosineSumWindow.Write(context, 0.5f, 0.5f, 0f);
}
