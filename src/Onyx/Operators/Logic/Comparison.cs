namespace Onyx.Operators;

/// <summary>Inference shared by the comparison and logical operators, whose output is a bool tensor.</summary>
internal static class Comparison
{
    /// <summary>Since version 7: the bool output broadcasts the inputs (multidirectional broadcasting).</summary>
    public static void Infer(InferenceContext context) =>
        context.SetOutput(0, DataType.Bool, ShapeRules.Broadcast(context, 0, 1));

    /// <summary>Before version 7: with broadcast=1 the second input is broadcast to the first, so the output has the first input's shape.</summary>
    public static void InferLegacyBroadcast(InferenceContext context)
    {
        if (context.GetInt("broadcast", 0) == 0)
        {
            Infer(context);
            return;
        }
        ShapeRules.SameShapeAs(context, 0, DataType.Bool);
    }
}
