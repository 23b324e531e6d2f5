namespace Onyx;

/// <summary>
/// Builds a model-local <see cref="Function"/>: formal inputs, outputs and attributes, and a body of nodes whose
/// attributes may refer to the caller's (<see cref="Attribute.Reference"/>). The counterpart of onnx.helper's make_function.
/// </summary>
public sealed class FunctionBuilder
{
    private readonly NodeSequenceBuilder _nodes;

    /// <summary>Starts a function <paramref name="domain"/>.<paramref name="name"/>.</summary>
    public FunctionBuilder(string domain, string name)
    {
        Function = new Function(domain, name);
        _nodes = new NodeSequenceBuilder(Function.Nodes);
    }

    /// <summary>The function being built.</summary>
    public Function Function { get; }

    /// <summary>Adds a formal input; returns its name.</summary>
    public string AddInput(string name)
    {
        _nodes.Reserve(name);
        Function.Inputs.Add(name);
        return name;
    }

    /// <summary>Declares a formal output.</summary>
    public FunctionBuilder AddOutput(string name)
    {
        Function.Outputs.Add(name);
        return this;
    }

    /// <summary>Declares an attribute without a default.</summary>
    public FunctionBuilder AddAttribute(string name)
    {
        Function.AttributeNames.Add(name);
        return this;
    }

    /// <summary>Declares an attribute with a default value.</summary>
    public FunctionBuilder AddAttribute(Attribute withDefault)
    {
        Function.AttributeDefaults.Add(withDefault);
        return this;
    }

    /// <summary>Imports an operator set the body uses.</summary>
    public FunctionBuilder UseOpset(string domain, long version)
    {
        Function.OpsetImports.Add(new OpsetImport(domain, version));
        return this;
    }

    /// <summary>Adds a body node with one output; returns the output's name.</summary>
    public string AddNode(string opType, IEnumerable<string> inputs, params Attribute[] attributes) =>
        _nodes.Add(opType, inputs, 1, "", attributes).Outputs[0];

    /// <summary>Adds a body node built by hand; returns it.</summary>
    public Node AddNode(Node node) => _nodes.Add(node);

    /// <summary>The function.</summary>
    public Function Build() => Function;
}
