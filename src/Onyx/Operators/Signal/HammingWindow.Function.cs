namespace Onyx.Operators;

internal static partial class HammingWindow
{
    /// <summary>The cosine-sum window with a0 = 25/46, a1 = 21/46.</summary>
    internal static FunctionBody BodyV17(FunctionBodyContext context) => CosineSumWindow.Write(context, 0.54347826087f, 0.45652173913f, 0f);
}
