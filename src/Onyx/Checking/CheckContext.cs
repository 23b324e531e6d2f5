namespace Onyx;

/// <summary>What every part of one check shares: the model, the options, the problems found so far and the model's operator sets and functions.</summary>
internal sealed class CheckContext(Model model, CheckerOptions options)
{
    /// <summary>The location of problems that concern the model as a whole.</summary>
    public static readonly NodeLocation ModelLocation = NodeLocation.OfGraph("model");

    public Model Model { get; } = model;

    public CheckerOptions Options { get; } = options;

    public OperatorRegistry Registry => Options.Registry;

    public CheckReport Report { get; } = new();

    /// <summary>The model's operator sets by normalized domain (IR versions 1 and 2: ai.onnx version 1).</summary>
    public Dictionary<string, long> ModelOpsets { get; } = new(StringComparer.Ordinal);

    /// <summary>The model-local functions by normalized domain, name and overload (the first of duplicates).</summary>
    public Dictionary<(string Domain, string Name, string Overload), Function> Functions { get; } = [];

    public Function? FindFunction(Node node) =>
        Functions.GetValueOrDefault((OperatorDomains.Normalize(node.Domain), node.OpType, node.Overload));

    public void Add(CheckCode code, NodeLocation location, string message) => Report.Add(code, location, message);

    /// <summary>Reports <paramref name="feature"/> when the model's IR version is older than <paramref name="irVersion"/>.</summary>
    public void RequireIrVersion(long irVersion, string feature, NodeLocation location)
    {
        if (Model.IrVersion > 0 && Model.IrVersion < irVersion)
            Add(CheckCode.FeatureNeedsNewerIrVersion, location, $"{feature} needs IR version {irVersion} or later; the model declares IR version {Model.IrVersion}");
    }

    public void RequireIrVersion(DataType type, string what, NodeLocation location) =>
        RequireIrVersion(IrFeatures.MinimumIrVersion(type), $"{what} uses data type {type.ProtoName()}, which", location);

    public void RequireIrVersion(TypeInfo? type, string what, NodeLocation location)
    {
        if (type is not null)
            RequireIrVersion(IrFeatures.MinimumIrVersion(type), $"{what} has type {type}, which", location);
    }
}
