namespace Onyx.Operators;

internal static partial class RotaryEmbedding
{
    /// <summary>
    /// X as [batch, heads, sequence, head_size] (4-D, transposed to put sequence second) or [batch, sequence,
    /// num_heads * head_size] (3-D, reshaped to 4-D); the first rotary_embedding_dim (default head_size) channels are
    /// rotated by the cos/sin rows (gathered at position_ids when given): halves (x1, x2), or even and odd channels when
    /// interleaved, become (cos x1 - sin x2, sin x1 + cos x2). The rest pass through. No body unless X's rank is 3 or 4.
    /// </summary>
    internal static FunctionBody? BodyV23(FunctionBodyContext context)
    {
        if (context.InputTypes[0] is not TensorTypeInfo { Shape.Rank: 3 or 4 } x)
            return null;
        bool fourD = x.Shape!.Rank == 4;
        bool interleaved = context.Attributes.Int("interleaved", 0) != 0;
        long rotaryDim = context.Attributes.Int("rotary_embedding_dim", 0);
        var w = new FunctionBodyWriter(23);
        string zero = w.Ints(0), numHeads = w.Ints(context.Attributes.Int("num_heads", 0)), minusOne = w.Ints(-1);
        string input = fourD
            ? w.Op("Transpose", ["X"], Attribute.Create("perm", new[] { 0L, 2, 1, 3 }))
            : w.Op("Reshape", "X", w.Op("Concat", [zero, zero, numHeads, minusOne], Attribute.Create("axis", 0L)));
        string headSize = w.Op("Shape", [input], Attribute.Create("start", 3L), Attribute.Create("end", 4L));
        string rotated = rotaryDim > 0 ? w.Ints(rotaryDim) : w.Op("Identity", headSize);
        string two = w.Ints(2);
        string lengths = w.Op("Concat", [rotated, w.Op("Sub", headSize, rotated)], Attribute.Create("axis", 0L));
        string[] parts = w.Ops("Split", [input, lengths], 2, Attribute.Create("axis", -1L));
        string toRotate = parts[0], unrotated = parts[1];
        string Rows(string cache) => context.HasInput(3) ? w.Op("Gather", cache, "position_ids") : w.Op("Identity", cache);
        string cosRows = Rows("cos_cache"), sinRows = Rows("sin_cache");
        string half = w.Cast(w.Op("Div", rotated, two), DataType.Int64);
        string cos = w.Op("Unsqueeze", w.Op("Slice", cosRows, zero, half, two), two);
        string sin = w.Op("Unsqueeze", w.Op("Slice", sinRows, zero, half, two), two);
        string x1, x2;
        if (interleaved)
        {
            string one = w.Ints(1), lastAxis = w.Ints(3);
            x1 = w.Op("Slice", toRotate, zero, rotated, lastAxis, two);
            x2 = w.Op("Slice", toRotate, one, w.Op("Add", rotated, one), lastAxis, two);
        }
        else
        {
            string[] halves = w.Ops("Split", [toRotate], 2, Attribute.Create("axis", -1L), Attribute.Create("num_outputs", 2L));
            (x1, x2) = (halves[0], halves[1]);
        }
        string real = w.Op("Sub", w.Op("Mul", cos, x1), w.Op("Mul", sin, x2));
        string imaginary = w.Op("Add", w.Op("Mul", sin, x1), w.Op("Mul", cos, x2));
        string result = interleaved
            ? w.Op("Reshape",
                w.Op("Concat", [w.Op("Unsqueeze", real, minusOne), w.Op("Unsqueeze", imaginary, minusOne)], Attribute.Create("axis", -1L)),
                w.Op("Shape", toRotate))
            : w.Op("Concat", [real, imaginary], Attribute.Create("axis", -1L));
        string joined = w.Op("Concat", [result, unrotated], Attribute.Create("axis", -1L));
        string output = fourD
            ? w.Op("Transpose", [joined], Attribute.Create("perm", new[] { 0L, 2, 1, 3 }))
            : w.Op("Identity", joined);
        w.Output("Y", w.Op("Reshape", output, w.Op("Shape", "X")));
        return w.ToBody();
    }
}
