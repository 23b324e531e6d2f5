namespace Onyx.Operators;

/// <summary>The Constant operator (ai.onnx).</summary>
internal static class Constant
{
    internal static readonly OperatorSchema V1 = new("Constant", 1)
    {
        Inference = InferConstant,
        Outputs = [new("output", "T")],
        Attributes = [new("value", AttributeType.Tensor, Required: true)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V9 = V1 with
    {
        SinceVersion = 9,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with
    {
        SinceVersion = 11,
        Attributes =
        [
            new("sparse_value", AttributeType.SparseTensor),
            new("value", AttributeType.Tensor),
        ],
    };

    internal static readonly OperatorSchema V12 = V11 with
    {
        SinceVersion = 12,
        Attributes =
        [
            new("sparse_value", AttributeType.SparseTensor),
            new("value", AttributeType.Tensor),
            new("value_float", AttributeType.Float),
            new("value_floats", AttributeType.Floats),
            new("value_int", AttributeType.Int),
            new("value_ints", AttributeType.Ints),
            new("value_string", AttributeType.String),
            new("value_strings", AttributeType.Strings),
        ],
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V19 = V13 with
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

    /// <summary>The type and contents of whichever one value attribute is set (value, sparse_value, value_float(s), value_int(s), value_string(s)).</summary>
    private static void InferConstant(InferenceContext context)
    {
        Attribute[] set = [.. context.Node.Attributes.Where(a => a.Name is "value" or "sparse_value" or "value_float" or "value_floats"
            or "value_int" or "value_ints" or "value_string" or "value_strings")];
        if (set.Length != 1)
            throw context.Fail($"exactly one of the value attributes must be set, found {(set.Length == 0 ? "none" : string.Join(", ", set.Select(a => a.Name)))}");
        Attribute attribute = set[0];
        switch (attribute.Name)
        {
            case "value":
                SetConstant(context, attribute.Tensor ?? throw context.Fail("attribute 'value' must hold a tensor"));
                break;
            case "sparse_value":
                SparseTensor sparse = attribute.SparseTensor ?? throw context.Fail("attribute 'sparse_value' must hold a sparse tensor");
                context.SetOutput(0, sparse.Values?.DataType ?? DataType.Undefined, CheckedDims(context, sparse.Dims).Select(d => new Dim(d)));
                break;
            case "value_float":
                SetConstant(context, Tensor.Scalar(attribute.Float));
                break;
            case "value_floats":
                SetConstant(context, Tensor.FromArray(attribute.Floats.ToArray(), attribute.Floats.Count));
                break;
            case "value_int":
                SetConstant(context, Tensor.Scalar(attribute.Int));
                break;
            case "value_ints":
                SetConstant(context, Tensor.FromArray(attribute.Ints.ToArray(), attribute.Ints.Count));
                break;
            case "value_string":
                context.SetOutput(0, DataType.String, []);
                break;
            case "value_strings":
                context.SetOutput(0, DataType.String, [attribute.Strings.Count]);
                break;
        }
    }

    private static void SetConstant(InferenceContext context, Tensor value)
    {
        context.SetOutput(0, value.DataType, CheckedDims(context, value.Dims).Select(d => new Dim(d)));
        context.SetOutputConstant(0, value);
        if (value.Dims.Length <= 1 && TensorValues.Integers(value, context.MaxPropagatedElements) is { } integers)
            context.SetOutputValues(0, Array.ConvertAll(integers, v => new Dim(v)));
    }

    private static long[] CheckedDims(InferenceContext context, long[] dims)
    {
        ShapeRules.CheckRank(context, dims.Length);
        if (Array.Exists(dims, d => d < 0))
            throw context.Fail($"the constant has a negative dim: [{string.Join(",", dims)}]");
        return dims;
    }

    internal static OperatorSchema[] Versions => [V1, V9, V11, V12, V13, V19, V21, V23, V24, V25];
}
