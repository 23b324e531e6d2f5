namespace Onyx;

/// <summary>
/// Builds a <see cref="Model"/> around a graph: operator sets, producer, functions, metadata. The IR version is the
/// oldest that supports the imported opsets (see <see cref="IrVersions"/>) unless set. The counterpart of
/// onnx.helper's make_model.
/// </summary>
public sealed class ModelBuilder(Graph graph)
{
    private readonly Model _model = new(graph) { ProducerName = "onyx" };
    private long? _irVersion;

    /// <summary>Imports <paramref name="domain"/> at <paramref name="version"/> (empty domain: the default ONNX domain).</summary>
    public ModelBuilder UseOpset(string domain, long version)
    {
        _model.OpsetImports.Add(new OpsetImport(domain, version));
        return this;
    }

    /// <summary>Sets the IR version explicitly.</summary>
    public ModelBuilder WithIrVersion(long irVersion)
    {
        _irVersion = irVersion;
        return this;
    }

    /// <summary>Names the producing tool.</summary>
    public ModelBuilder WithProducer(string name, string version = "")
    {
        _model.ProducerName = name;
        _model.ProducerVersion = version;
        return this;
    }

    /// <summary>Sets the documentation string.</summary>
    public ModelBuilder WithDocString(string docString)
    {
        _model.DocString = docString;
        return this;
    }

    /// <summary>Adds a metadata entry.</summary>
    public ModelBuilder WithMetadata(string key, string value)
    {
        _model.Metadata.Add(new MetadataEntry(key, value));
        return this;
    }

    /// <summary>Adds a model-local function.</summary>
    public ModelBuilder AddFunction(Function function)
    {
        _model.Functions.Add(function);
        return this;
    }

    /// <summary>The model.</summary>
    public Model Build()
    {
        long ir = 3;
        foreach (OpsetImport opset in _model.OpsetImports)
            ir = Math.Max(ir, IrVersions.ForOpset(opset.Domain, opset.Version));
        if (_model.Functions.Count > 0)
            ir = Math.Max(ir, 8); // model-local functions arrived with IR version 8
        if (_model.Functions.Exists(f => f.AttributeDefaults.Count > 0))
            ir = Math.Max(ir, 9); // attribute defaults of functions with IR version 9
        if (_model.Functions.Exists(f => f.Overload.Length > 0))
            ir = Math.Max(ir, 10); // function overloads with IR version 10
        _model.IrVersion = _irVersion ?? ir;
        return _model;
    }
}
