namespace Onyx;

/// <summary>
/// One version of one operator: its formal inputs and outputs, attributes, type constraints and the
/// version of its domain's operator set it has been available since. The checker, shape inference and the
/// runtime all read this one definition.
/// </summary>
/// <param name="Name">The operator type, as written in <see cref="Node.OpType"/>.</param>
/// <param name="SinceVersion">The first version of the domain's operator set that has this definition.</param>
/// <param name="Domain">The operator set domain; <c>""</c> for ai.onnx.</param>
public sealed record OperatorSchema(string Name, int SinceVersion, string Domain = "")
{
    /// <summary>True when this version removes the operator: a model importing this opset or later may not use it.</summary>
    public bool Deprecated { get; init; }

    /// <summary>The formal inputs, in order.</summary>
    public IReadOnlyList<FormalParameter> Inputs { get; init; } = [];

    /// <summary>The formal outputs, in order.</summary>
    public IReadOnlyList<FormalParameter> Outputs { get; init; } = [];

    /// <summary>The attributes the operator accepts.</summary>
    public IReadOnlyList<AttributeSchema> Attributes { get; init; } = [];

    /// <summary>The type variables that formal parameters refer to, with the types each may bind to.</summary>
    public IReadOnlyList<TypeConstraint> TypeConstraints { get; init; } = [];

    /// <summary>The fewest inputs a node may have.</summary>
    public int MinInputs => MinCount(Inputs);

    /// <summary>The most inputs a node may have; <see cref="int.MaxValue"/> when the last input is variadic.</summary>
    public int MaxInputs => MaxCount(Inputs);

    /// <summary>The fewest outputs a node may have.</summary>
    public int MinOutputs => MinCount(Outputs);

    /// <summary>The most outputs a node may have; <see cref="int.MaxValue"/> when the last output is variadic.</summary>
    public int MaxOutputs => MaxCount(Outputs);

    /// <summary>True when shape and type inference is defined for this version.</summary>
    public bool HasInference => Inference is not null;

    /// <summary>True when the specification defines this operator as a function of other operators.</summary>
    public bool HasFunctionBody => FunctionBody is not null;

    /// <summary>Infers output types and, for small integer tensors, output values.</summary>
    internal InferenceFunction? Inference { get; init; }

    /// <summary>Expands a node of this operator into nodes of other operators.</summary>
    internal FunctionBodyFunction? FunctionBody { get; init; }

    /// <summary>Finds an attribute's definition by name.</summary>
    public AttributeSchema? FindAttribute(string name)
    {
        foreach (AttributeSchema a in Attributes)
            if (a.Name == name)
                return a;
        return null;
    }

    /// <summary>Finds a type constraint by its type variable.</summary>
    public TypeConstraint? FindTypeConstraint(string typeVariable)
    {
        foreach (TypeConstraint c in TypeConstraints)
            if (c.TypeVariable == typeVariable)
                return c;
        return null;
    }

    /// <summary>The formal input a node's input at <paramref name="index"/> binds to (the last, when it is variadic).</summary>
    public FormalParameter? FormalInput(int index) => Formal(Inputs, index);

    /// <summary>The formal output a node's output at <paramref name="index"/> binds to (the last, when it is variadic).</summary>
    public FormalParameter? FormalOutput(int index) => Formal(Outputs, index);

    /// <summary>The domain as users write it: ai.onnx for the default domain.</summary>
    public string DisplayDomain => OperatorDomains.Display(Domain);

    /// <inheritdoc/>
    public override string ToString() => $"{(Domain.Length > 0 ? Domain + "." : "")}{Name}-{SinceVersion}";

    private static FormalParameter? Formal(IReadOnlyList<FormalParameter> formals, int index)
    {
        if (index < formals.Count)
            return formals[index];
        return formals.Count > 0 && formals[^1].Option == ParameterOption.Variadic ? formals[^1] : null;
    }

    private static int MinCount(IReadOnlyList<FormalParameter> formals)
    {
        int count = 0;
        for (int i = 0; i < formals.Count; i++)
        {
            if (formals[i].Option == ParameterOption.Single)
                count = i + 1;
            else if (formals[i].Option == ParameterOption.Variadic)
                count = i + formals[i].MinArity;
        }
        return count;
    }

    private static int MaxCount(IReadOnlyList<FormalParameter> formals) =>
        formals.Count > 0 && formals[^1].Option == ParameterOption.Variadic ? int.MaxValue : formals.Count;
}

/// <summary>Computes the output types of one node; see <see cref="InferenceContext"/>.</summary>
internal delegate void InferenceFunction(InferenceContext context);

/// <summary>Builds the nodes a function-defined operator expands to, for one node.</summary>
internal delegate FunctionBody? FunctionBodyFunction(FunctionBodyContext context);
