namespace Onyx;

/// <summary>
/// Shape and type inference, the counterpart of <c>onnx.shape_inference.infer_shapes</c>: walks every graph
/// in order and records the type of every intermediate value in the graph's <see cref="Graph.ValueInfos"/>,
/// filling in outputs whose declared types leave something out.
/// </summary>
public static class ShapeInference
{
    /// <summary>
    /// Infers types and shapes for <paramref name="model"/> in place. In strict mode the first inconsistency
    /// throws <see cref="ShapeInferenceException"/>; otherwise every problem is listed in the result.
    /// </summary>
    public static ShapeInferenceResult InferShapes(Model model, ShapeInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inferencer = new GraphInferencer(model, options ?? new ShapeInferenceOptions());
        inferencer.InferModel();
        return new ShapeInferenceResult(inferencer.Problems);
    }
}
