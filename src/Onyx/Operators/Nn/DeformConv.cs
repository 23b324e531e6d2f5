using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The DeformConv operator (ai.onnx).</summary>
internal static class DeformConv
{
    internal static readonly OperatorSchema V19 = new("DeformConv", 19)
    {
        Inputs =
        [
            new("X", "T"),
            new("W", "T"),
            new("offset", "T"),
            new("B", "T", Optional),
            new("mask", "T", Optional),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("dilations", AttributeType.Ints),
            new("group", 1L),
            new("kernel_shape", AttributeType.Ints),
            new("offset_group", 1L),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = InferDeformConv,
    };

    internal static readonly OperatorSchema V22 = V19 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    /// <summary>
    /// Y is a convolution's output (N × oC × o1 … on); offset (N × offset_group·k1⋯kn·n × o1 … on) and mask share its
    /// batch and spatial sizes, and offset_group divides C.
    /// </summary>
    private static void InferDeformConv(InferenceContext context)
    {
        Shape? y = ConvolutionShape.Forward(context, x: 0, w: 1, bias: 3);
        long offsetGroup = context.GetInt("offset_group", 1);
        if (offsetGroup <= 0)
            throw context.Fail($"attribute 'offset_group' is {offsetGroup}; expected a positive number");
        if (context.InputShape(0) is { Rank: >= 2 } x && x.Dims[1].Value is long channels && channels % offsetGroup != 0)
            throw context.Fail($"X has {channels} channels, which offset_group {offsetGroup} does not divide");
        if (y is not null)
        {
            foreach (int input in (ReadOnlySpan<int>)[2, 4])
            {
                Shape? sampling = ExpectedRank.Exactly(context, input, y.Rank, "N × offset channels × o1 … on, as Y");
                if (sampling is null)
                    continue;
                string name = context.Schema.Inputs[input].Name;
                y.Dims[0] = ShapeRules.Unify(context, y.Dims[0], sampling.Dims[0], $"the batch of X and {name}");
                for (int i = 2; i < y.Rank; i++)
                    y.Dims[i] = ShapeRules.Unify(context, y.Dims[i], sampling.Dims[i], $"output axis {i} and dim {i} of {name}");
            }
            if (context.InputShape(1) is { } w && context.InputShape(2) is { } offset)
            {
                Dim kernel = ShapeRules.Product(context, w.Dims.Skip(2));
                Dim expected = ShapeRules.Multiply(context, ShapeRules.Multiply(context, kernel, new Dim(offsetGroup)), new Dim(w.Rank - 2));
                ShapeRules.Unify(context, expected, offset.Dims[1], "offset_group × kernel size × spatial rank and dim 1 of offset");
            }
        }
        context.SetOutput(0, context.InputElementType(0), y);
    }

    internal static OperatorSchema[] Versions => [V19, V22];
}
