namespace Onyx.Operators;

/// <summary>The Reshape operator (ai.onnx).</summary>
internal static class Reshape
{
    internal static readonly OperatorSchema V1 = new("Reshape", 1)
    {
        Inference = InferReshape,
        Inputs = [new("data", "T")],
        Outputs = [new("reshaped", "T")],
        Attributes =
        [
            new("consumed_inputs", AttributeType.Ints),
            new("shape", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V5 = V1 with
    {
        SinceVersion = 5,
        Inputs =
        [
            new("data", "T"),
            new("shape", "tensor(int64)"),
        ],
        Attributes = [],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V5 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V14 = V13 with
    {
        SinceVersion = 14,
        Attributes = [new("allowzero", 0L)],
    };

    internal static readonly OperatorSchema V19 = V14 with
    {
        SinceVersion = 19,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
        ],
    };

    internal static readonly OperatorSchema V21 = V19 with
    {
        SinceVersion = 21,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4)"),
        ],
    };

    internal static readonly OperatorSchema V23 = V21 with
    {
        SinceVersion = 23,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0)"),
        ],
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0), tensor(uint2), tensor(int2)"),
        ],
    };

    /// <summary>
    /// The output dims are the target shape (attribute 'shape' in version 1, input 'shape' since 5): 0 copies the input dim (unless
    /// allowzero, since 14), and one -1 takes whatever size keeps the element count. Values carry through.
    /// </summary>
    private static void InferReshape(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        Dim[]? target = context.Schema.SinceVersion < 5
            ? context.GetInts("shape") is { } attribute ? attribute.Select(v => new Dim(v)).ToArray() : null
            : context.InputValues(1);
        if (target is null)
        {
            if (context.Schema.SinceVersion >= 5)
                IntegerInputs.CheckInputRank(context, 1, 1, "shape");
            long? rank = context.Schema.SinceVersion < 5 ? null : IntegerInputs.Length(context, 1);
            context.SetOutput(0, elementType, rank is long r ? ShapeRules.UnknownShape(context, r) : null);
            return;
        }
        ShapeRules.CheckRank(context, target.Length);
        Shape? input = context.InputShape(0);
        bool allowZero = context.GetInt("allowzero", 0) != 0;
        var dims = new Dim[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            dims[i] = target[i];
            switch (target[i].Value)
            {
                case 0 when !allowZero:
                    if (input is not null && i >= input.Rank)
                        throw context.Fail($"shape element {i} is 0 (copy the input dim), but the input {input} has no dim {i}");
                    dims[i] = input?.Dims[i] ?? new Dim();
                    break;
                case -1:
                    if (inferred >= 0)
                        throw context.Fail($"shape [{string.Join(",", target.AsEnumerable())}] has more than one -1");
                    inferred = i;
                    break;
                case < -1:
                    throw context.Fail($"shape element {i} is {target[i].Value}; only -1 and non-negative sizes are allowed");
            }
        }
        if (allowZero && inferred >= 0 && Array.Exists(target, d => d.Value == 0))
            throw context.Fail("with allowzero=1 the shape cannot hold both 0 and -1");
        if (input is not null)
        {
            Dim? remaining = ReshapeBalance.Remaining(context, input.Dims, dims.Where((_, i) => i != inferred));
            if (inferred >= 0)
                dims[inferred] = remaining ?? throw context.Fail($"the -1 of shape [{string.Join(",", target.AsEnumerable())}] cannot be filled: no size keeps the element count of {input}");
            else if (remaining is null || remaining.Value is long ratio && ratio != 1)
                throw context.Fail($"cannot reshape {input} to [{string.Join(",", dims.AsEnumerable())}]: the element counts differ");
        }
        else if (inferred >= 0)
        {
            dims[inferred] = new Dim();
        }
        context.SetOutput(0, elementType, dims);
        if (context.InputValues(0) is { } values && dims.Length <= 1)
            context.SetOutputValues(0, values);
    }

    internal static OperatorSchema[] Versions => [V1, V5, V13, V14, V19, V21, V23, V24, V25];
}
