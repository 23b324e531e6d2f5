using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// Imputer (Operators-ml.md): elements of X equal to the replaced value become the imputed value of their feature (X's
/// last axis; one imputed value serves every feature). Float and double X use 'imputed_value_floats' and
/// 'replaced_value_float' (a NaN replaced value matches every NaN); int64 and int32 X use 'imputed_value_int64s' and
/// 'replaced_value_int64'. Exactly one imputed list is set, with 1 or F values.
/// </summary>
internal static class ImputerKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "Imputer", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        NodeAttributes attributes = node.Attributes;
        bool reals = attributes.IsSet("imputed_value_floats");
        if (reals == attributes.IsSet("imputed_value_int64s"))
            throw node.Fail("exactly one of the attributes 'imputed_value_floats' and 'imputed_value_int64s' must be set");
        string list = reals ? "imputed_value_floats" : "imputed_value_int64s";
        double[] realValues = [.. (attributes.Floats("imputed_value_floats") ?? []).Select(v => (double)v)];
        long[] integerValues = [.. attributes.Ints("imputed_value_int64s") ?? []];
        int length = reals ? realValues.Length : integerValues.Length;
        if (length == 0)
            throw node.Fail($"attribute '{list}' must not be empty");
        FeatureCounts.CheckStatic(node, list, length);
        DataType known = node.InputElementType(0);
        if (known != DataType.Undefined && IsReal(known) != reals)
            throw node.Fail($"input 0 ('{node.Node.Inputs[0]}') is {known.TypeName()}, but '{list}' is set; float and double inputs use 'imputed_value_floats', int64 and int32 inputs 'imputed_value_int64s'");
        double replacedReal = attributes.Float("replaced_value_float", 0f);
        long replacedInteger = attributes.Int("replaced_value_int64", 0);
        return new DelegateKernel(context =>
        {
            Tensor x = context.Tensor(0);
            if (x.DataType is not (DataType.Float or DataType.Double or DataType.Int64 or DataType.Int32))
                throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') is {x.DataType.TypeName()}; expected float, double, int64 or int32");
            if (IsReal(x.DataType) != reals)
                throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') is {x.DataType.TypeName()}, but '{list}' is set");
            FeatureCounts.Check(context, x, list, length);
            switch (x.DataType)
            {
                case DataType.Float: Impute<float, double>(context, x, realValues, replacedReal, list); break;
                case DataType.Double: Impute<double, double>(context, x, realValues, replacedReal, list); break;
                case DataType.Int64: Impute<long, long>(context, x, integerValues, replacedInteger, list); break;
                default: Impute<int, long>(context, x, integerValues, replacedInteger, list); break;
            }
        });
    }

    private static bool IsReal(DataType type) => type is DataType.Float or DataType.Double;

    private static void Impute<T, TAttribute>(KernelContext context, Tensor x, TAttribute[] imputed, TAttribute replaced, string list)
        where T : unmanaged, INumber<T> where TAttribute : INumber<TAttribute>
    {
        // The spec asks the imputed values to fit the element type; a replaced value that does not fit matches nothing.
        var values = new T[imputed.Length];
        for (int i = 0; i < imputed.Length; i++)
        {
            if (!Fits(imputed[i], out values[i]))
                throw context.Fail($"attribute '{list}' holds {imputed[i]}, which does not fit input 0's element type {x.DataType.TypeName()}");
        }
        bool matchable = Fits(replaced, out T target);
        bool nan = T.IsNaN(target);
        long features = FeatureCounts.Of(x);
        ReadOnlySpan<T> source = x.AsSpan<T>();
        Span<T> y = context.Output<T>(0, x.DataType, x.Dims);
        for (int i = 0; i < source.Length; i++)
        {
            bool missing = matchable && (nan ? T.IsNaN(source[i]) : source[i] == target);
            y[i] = missing ? FeatureCounts.PerFeature(values, i, features) : source[i];
        }
    }

    /// <summary>Converts <paramref name="value"/> to <typeparamref name="T"/>; false when it does not survive the trip.</summary>
    private static bool Fits<TAttribute, T>(TAttribute value, out T result) where TAttribute : INumber<TAttribute> where T : INumber<T>
    {
        result = T.CreateSaturating(value);
        return TAttribute.IsNaN(value) || TAttribute.CreateSaturating(result) == value;
    }
}
