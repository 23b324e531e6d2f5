namespace Onyx;

/// <summary>Model-level rules: the IR version, the operator set imports, metadata and features tied to IR versions.</summary>
internal static class ModelRules
{
    public static void Check(CheckContext context)
    {
        Model model = context.Model;
        NodeLocation location = CheckContext.ModelLocation;
        if (model.IrVersion <= 0)
            context.Add(CheckCode.IrVersionMissing, location, $"ir_version is {model.IrVersion}; a model must declare the IR version it follows (1 to {Model.LatestIrVersion})");
        else if (model.IrVersion > Model.LatestIrVersion)
            context.Add(CheckCode.IrVersionUnsupported, location, $"ir_version is {model.IrVersion}; Onyx knows IR versions up to {Model.LatestIrVersion}");

        CheckOpsetImports(context, location);

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (MetadataEntry entry in model.Metadata)
            if (!keys.Add(entry.Key))
                context.Add(CheckCode.DuplicateMetadataKey, location, $"metadata key '{entry.Key}' appears more than once");

        if (model.TrainingInfos.Count > 0)
            context.RequireIrVersion(7, "training information", location);
        if (model.Functions.Count > 0)
            context.RequireIrVersion(8, "a model-local function", location);
        if (model.DeviceConfigurations.Count > 0)
            context.RequireIrVersion(11, "a device configuration", location);
    }

    private static void CheckOpsetImports(CheckContext context, NodeLocation location)
    {
        Model model = context.Model;
        if (model.IrVersion is > 0 and < 3)
        {
            // Operator sets arrived with IR version 3; older models use ai.onnx version 1.
            if (model.OpsetImports.Count > 0)
                context.Add(CheckCode.OpsetImportBeforeIrVersion3, location, $"the model has IR version {model.IrVersion} but imports operator sets, which IR version 3 introduced");
            else
                context.ModelOpsets[OperatorDomains.Default] = 1;
        }
        else if (model.OpsetImports.Count == 0)
        {
            context.Add(CheckCode.OpsetImportMissing, location, "the model imports no operator set; from IR version 3 on it must import at least ai.onnx");
        }
        foreach (OpsetImport import in model.OpsetImports)
        {
            string domain = OperatorDomains.Normalize(import.Domain);
            if (!context.ModelOpsets.TryAdd(domain, import.Version))
            {
                context.Add(CheckCode.DuplicateOpsetDomain, location, $"domain '{OperatorDomains.Display(domain)}' is imported more than once");
                continue;
            }
            long newest = NewestVersion(context.Registry, domain);
            if (import.Version < 1 || (newest > 0 && import.Version > newest))
                context.Add(CheckCode.OpsetVersionOutOfRange, location,
                    $"domain '{OperatorDomains.Display(domain)}' is imported at version {import.Version}; {(newest > 0 ? $"known versions are 1 to {newest}" : "versions start at 1")}");
        }
    }

    /// <summary>The newest operator set version of a domain the registry knows: the highest since-version of its schemas; 0 when it knows none.</summary>
    private static long NewestVersion(OperatorRegistry registry, string domain)
    {
        long newest = 0;
        foreach (OperatorSchema schema in registry.All)
            if (OperatorDomains.Normalize(schema.Domain) == domain)
                newest = Math.Max(newest, schema.SinceVersion);
        return newest;
    }
}
