using Onyx.Tests;

namespace Onyx.Conformance;

/// <summary>How well inference reproduced one backend test's declared output types.</summary>
internal enum InferenceMatch
{
    /// <summary>Every output's element type and shape equal the declared ones, every dim concrete.</summary>
    Exact,

    /// <summary>Element types and ranks equal, every inferred size equals the declared one, but some dims stay symbolic or unknown.</summary>
    Compatible,

    /// <summary>Some output is missing, of another type or rank, has a wrong size, or inference reported a problem.</summary>
    Wrong,
}

/// <summary>Runs inference on a backend test model with its declared output types stripped, then compares.</summary>
internal sealed record InferenceOutcome(InferenceMatch Match, string Detail)
{
    /// <summary>The corpora whose declared outputs inference must reproduce.</summary>
    public static readonly string[] Corpora = ["node", "pytorch-converted", "pytorch-operator", "simple"];

    /// <summary>Every model of <see cref="Corpora"/>, as paths relative to the data root.</summary>
    public static IEnumerable<string> Models() =>
        Corpora.SelectMany(c => Directory.EnumerateFiles(Path.Combine(BackendTestData.Root, c), "model.onnx", SearchOption.AllDirectories))
            .Select(BackendTestData.Relative)
            .Order(StringComparer.Ordinal);

    /// <summary>Infers the model at <paramref name="relativePath"/>; with <paramref name="useInputValues"/> the first data set's inputs are known values.</summary>
    public static InferenceOutcome Run(string relativePath, bool useInputValues)
    {
        string path = Path.Combine(BackendTestData.Root, relativePath);
        Model model = Model.Load(path);
        TypeInfo?[] declared = model.Graph.Outputs.Select(o => o.Type).ToArray();
        foreach (ValueInfo output in model.Graph.Outputs)
            output.Type = null;

        var options = new ShapeInferenceOptions { InputValues = useInputValues ? InputValues(model, path) : null };
        ShapeInferenceResult result = ShapeInference.InferShapes(model, options);
        if (result.Problems.Count > 0)
            return new(InferenceMatch.Wrong, result.Problems[0].Message);

        InferenceMatch match = InferenceMatch.Exact;
        string detail = "";
        for (int i = 0; i < declared.Length; i++)
        {
            string name = model.Graph.Outputs[i].Name;
            (InferenceMatch m, string why) = Compare(model.Graph.Outputs[i].Type, declared[i]);
            if (m == InferenceMatch.Wrong)
                return new(m, $"output '{name}': {why}");
            if (m == InferenceMatch.Compatible && match == InferenceMatch.Exact)
                (match, detail) = (m, $"output '{name}': inferred {Describe(model.Graph.Outputs[i].Type)}, declared {Describe(declared[i])}");
        }
        return new(match, detail);
    }

    private static (InferenceMatch, string) Compare(TypeInfo? inferred, TypeInfo? declared)
    {
        string expected = Describe(declared), actual = Describe(inferred);
        if (inferred is null)
            return (InferenceMatch.Wrong, $"not inferred (declared {expected})");
        switch (inferred, declared)
        {
            case (TensorTypeInfo a, TensorTypeInfo b):
                if (a.ElementType != b.ElementType)
                    return (InferenceMatch.Wrong, $"inferred {actual}, declared {expected}");
                return CompareShapes(a.Shape, b.Shape, actual, expected);
            case (SequenceTypeInfo a, SequenceTypeInfo b):
                return a.ElementType is null && b.ElementType is not null
                    ? (InferenceMatch.Compatible, "")
                    : Compare(a.ElementType, b.ElementType);
            case (OptionalTypeInfo a, OptionalTypeInfo b):
                return Compare(a.ElementType, b.ElementType);
            case (MapTypeInfo a, MapTypeInfo b):
                return a.KeyType == b.KeyType ? Compare(a.ValueType, b.ValueType) : (InferenceMatch.Wrong, $"inferred {actual}, declared {expected}");
            default:
                return actual == expected ? (InferenceMatch.Exact, "") : (InferenceMatch.Wrong, $"inferred {actual}, declared {expected}");
        }
    }

    private static (InferenceMatch, string) CompareShapes(Shape? inferred, Shape? declared, string actual, string expected)
    {
        if (declared is null)
            return (InferenceMatch.Exact, "");
        if (inferred is null)
            return (InferenceMatch.Compatible, "");
        if (inferred.Rank != declared.Rank)
            return (InferenceMatch.Wrong, $"inferred {actual}, declared {expected}");
        InferenceMatch match = InferenceMatch.Exact;
        for (int i = 0; i < inferred.Rank; i++)
        {
            Dim a = inferred.Dims[i], b = declared.Dims[i];
            if (a.Value is long x && b.Value is long y && x != y)
                return (InferenceMatch.Wrong, $"inferred {actual}, declared {expected}");
            if (a.Value is null && b.Value is not null || a.Param is not null && a.Param != b.Param)
                match = InferenceMatch.Compatible;
        }
        return (match, "");
    }

    internal static string Describe(TypeInfo? type) => type switch
    {
        null => "nothing",
        TensorTypeInfo t => t + (t.Shape?.ToString() ?? "[unknown rank]"),
        SequenceTypeInfo t => $"seq({Describe(t.ElementType)})",
        OptionalTypeInfo t => $"optional({Describe(t.ElementType)})",
        _ => type.ToString(),
    };

    private static Dictionary<string, Tensor> InputValues(Model model, string modelPath)
    {
        var values = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        string dataSet = Path.Combine(Path.GetDirectoryName(modelPath)!, "test_data_set_0");
        var initializers = model.Graph.Initializers.Select(t => t.Name).ToHashSet();
        var inputs = model.Graph.Inputs.Where(i => !initializers.Contains(i.Name)).ToList();
        for (int i = 0; i < inputs.Count; i++)
        {
            string file = Path.Combine(dataSet, $"input_{i}.pb");
            if (File.Exists(file) && inputs[i].Type is TensorTypeInfo && TensorFile.ReadValue(file, inputs[i].Type) is Tensor tensor)
                values[inputs[i].Name] = tensor;
        }
        return values;
    }
}
