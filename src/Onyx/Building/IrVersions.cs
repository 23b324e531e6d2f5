namespace Onyx;

/// <summary>
/// Which IR version each ONNX release paired with its operator sets (onnx's helper.VERSION_TABLE), so a built
/// model declares the oldest IR version its opsets allow and stays loadable by older runtimes.
/// </summary>
public static class IrVersions
{
    // (IR version, newest ai.onnx opset, newest ai.onnx.ml opset) per release, oldest first.
    private static readonly (long Ir, long Onnx, long Ml)[] Releases =
    [
        (3, 8, 1), (4, 9, 1), (5, 10, 1), (6, 11, 2), (7, 14, 2), (8, 18, 3), (9, 20, 4), (10, 22, 5),
        (11, 23, 5), (12, 24, 5), (13, 28, 5),
    ];

    /// <summary>The lowest IR version whose release includes <paramref name="version"/> of <paramref name="domain"/>; for other domains, the oldest one (3).</summary>
    public static long ForOpset(string domain, long version)
    {
        bool ml = domain == OpsetImport.MlDomain;
        bool onnx = domain is "" or "ai.onnx";
        if (!ml && !onnx)
            return Releases[0].Ir;
        foreach (var (ir, onnxOpset, mlOpset) in Releases)
            if (version <= (ml ? mlOpset : onnxOpset))
                return ir;
        return Model.LatestIrVersion;
    }
}
