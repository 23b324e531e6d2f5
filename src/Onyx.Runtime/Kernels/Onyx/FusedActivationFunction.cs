using System.Numerics.Tensors;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// The activation a fused ai.onyx node applies to its result in place, read once from its 'activation' and
/// 'activation_params' attributes (Operators/Onyx/FusedActivation.cs lists them).
/// </summary>
internal readonly unsafe struct FusedActivationFunction
{
    private enum Kind { None, Relu, LeakyRelu, Clip, Sigmoid, Tanh, HardSigmoid, Gelu, GeluTanh }


    private readonly Kind _kind;
    private readonly float _p0, _p1;

    private FusedActivationFunction(Kind kind, float p0, float p1) => (_kind, _p0, _p1) = (kind, p0, p1);

    /// <summary>Gelu through erf, or by its tanh estimate.</summary>
    public static FusedActivationFunction Gelu(bool tanh) => new(tanh ? Kind.GeluTanh : Kind.Gelu, 0, 0);

    public static FusedActivationFunction Of(KernelNode node)
    {
        Kind kind = node.Choice("activation", "none", ("none", Kind.None), ("Relu", Kind.Relu), ("LeakyRelu", Kind.LeakyRelu), ("Clip", Kind.Clip),
            ("Sigmoid", Kind.Sigmoid), ("Tanh", Kind.Tanh), ("HardSigmoid", Kind.HardSigmoid), ("Gelu", Kind.Gelu), ("GeluTanh", Kind.GeluTanh));
        IReadOnlyList<float> parameters = node.Attributes.Floats("activation_params") ?? [];
        int expected = kind switch { Kind.LeakyRelu => 1, Kind.Clip or Kind.HardSigmoid => 2, _ => 0 };
        if (parameters.Count != expected)
            throw node.Fail($"attribute 'activation_params' has {parameters.Count} values; activation {node.Attributes.String("activation", "none")} takes {expected}");
        return new FusedActivationFunction(kind, expected > 0 ? parameters[0] : 0, expected > 1 ? parameters[1] : 0);
    }

    /// <summary>The activation as a clamp to [min, max] (none, Relu, Clip), which a product applies as it stores; null for the others.</summary>
    public (float Min, float Max)? Clamp => _kind switch
    {
        Kind.None => (float.NegativeInfinity, float.PositiveInfinity),
        Kind.Relu => (0f, float.PositiveInfinity),
        Kind.Clip => (_p0, _p1),
        _ => null,
    };

    /// <summary>
    /// <see cref="Apply"/> of the activation at <paramref name="activation"/> to <paramref name="length"/> values: the
    /// shape <see cref="Compute.SgemmEpilogue"/> calls for each finished row of a product, on the thread that computed it.
    /// </summary>
    public static void ApplyToRow(void* activation, float* row, int length) =>
        ((FusedActivationFunction*)activation)->Apply(new Span<float>(row, length));

    /// <summary>Applies the activation to every value of <paramref name="values"/>.</summary>
    public void Apply(Span<float> values)
    {
        switch (_kind)
        {
            case Kind.Relu:
                TensorPrimitives.Max(values, 0f, values);
                break;
            case Kind.LeakyRelu:
                for (int i = 0; i < values.Length; i++)
                    values[i] = values[i] < 0 ? values[i] * _p0 : values[i];
                break;
            case Kind.Clip:
                TensorPrimitives.Clamp(values, _p0, _p1, values);
                break;
            case Kind.Sigmoid:
                TensorPrimitives.Sigmoid(values, values);
                break;
            case Kind.Tanh:
                TensorPrimitives.Tanh(values, values);
                break;
            case Kind.HardSigmoid:
                TensorPrimitives.Multiply(values, _p0, values);
                TensorPrimitives.Add(values, _p1, values);
                TensorPrimitives.Clamp(values, 0f, 1f, values);
                break;
            case Kind.Gelu or Kind.GeluTanh:
                new Kernels.Math.ActivationKernels.GeluOp(_kind == Kind.GeluTanh).Apply(values, values);
                break;
        }
    }
}
