namespace Onyx;

/// <summary>The operator set domains the ONNX specification defines, and Onyx's own.</summary>
public static class OperatorDomains
{
    /// <summary>The default domain, ai.onnx, written as the empty string in models.</summary>
    public const string Default = "";

    /// <summary>Traditional machine learning operators.</summary>
    public const string Ml = "ai.onnx.ml";

    /// <summary>Training operators (preview).</summary>
    public const string Training = "ai.onnx.preview.training";

    /// <summary>Operators in preview.</summary>
    public const string Preview = "ai.onnx.preview";

    /// <summary>
    /// Onyx's own fused operators (version 1), which the runtime's optimizer writes in place of standard subgraphs that
    /// compute the same values.
    /// </summary>
    public const string Onyx = "ai.onyx";

    /// <summary>Maps "ai.onnx" to the empty string, the way ONNX treats the two as one domain.</summary>
    public static string Normalize(string domain) => domain == "ai.onnx" ? Default : domain;

    /// <summary>The name users read: ai.onnx for the default domain.</summary>
    public static string Display(string domain) => domain.Length == 0 ? "ai.onnx" : domain;
}
