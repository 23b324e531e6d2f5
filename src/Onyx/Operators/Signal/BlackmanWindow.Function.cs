namespace Onyx.Operators;

internal static partial class BlackmanWindow
{
    /// <summary>The cosine-sum window with a0 = 0.42, a1 = 0.5, a2 = 0.08.</summary>
    internal static FunctionBody BodyV17(FunctionBodyContext context) => CosineSumWindow.Write(context, 0.42f, 0.5f, 0.08f);
}
