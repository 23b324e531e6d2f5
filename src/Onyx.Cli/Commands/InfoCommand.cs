using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Onyx.Cli.Commands;

/// <summary><c>onyx info MODEL [--json]</c>: the model's properties, as a model viewer's properties panel shows them.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var values = new Option<bool>("--values") { Description = "Infer and show the type and shape of every intermediate value." };
        var command = new Command("info", "Show a model's IR version, producer, opsets, inputs and outputs, weights, operators, functions and metadata.")
        {
            model,
            json,
            values,
        };
        command.SetAction(result => Run(result.GetValue(model)!, result.GetValue(json), result.GetValue(values),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, bool json, bool values, TextWriter output, TextWriter error)
    {
        Model model;
        try
        {
            // External weights are counted from their references, so a model whose data files are absent still shows.
            model = Model.Load(file.FullName, new LoadOptions { ExternalData = ExternalDataMode.KeepReferences });
        }
        catch (Exception e) when (e is OnyxException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"onyx info: cannot read {file.FullName}: {e.Message}");
            return 2;
        }
        IReadOnlyList<ShapeInferenceException> problems = values ? ShapeInference.InferShapes(model).Problems : [];
        ModelSummary summary = ModelSummary.Of(file.FullName, model, values, problems);
        output.Write(json ? ToJson(summary) : ToText(summary));
        return 0;
    }

    internal static string ToText(ModelSummary s)
    {
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(CultureInfo.InvariantCulture, $"{label,-18}{value}\n");
        Line("Model", s.Path);
        Line("IR version", s.IrVersion.ToString(CultureInfo.InvariantCulture));
        Line("Producer", $"{s.ProducerName} {s.ProducerVersion}".Trim());
        if (s.Domain.Length > 0) Line("Domain", s.Domain);
        Line("Model version", s.ModelVersion.ToString(CultureInfo.InvariantCulture));
        if (s.DocString.Length > 0) Line("Description", s.DocString.ReplaceLineEndings(" "));
        Line("Opsets", string.Join(", ", s.Opsets.Select(o => o.ToString())));
        text.Append("Inputs\n");
        foreach (ValueInfo v in s.Inputs) text.Append(CultureInfo.InvariantCulture, $"  {v.Name,-23} {TypeText(v.Type)}\n");
        text.Append("Outputs\n");
        foreach (ValueInfo v in s.Outputs) text.Append(CultureInfo.InvariantCulture, $"  {v.Name,-23} {TypeText(v.Type)}\n");
        Line("Initializers", $"{s.InitializerCount} ({Bytes(s.InlineInitializerBytes)} inline, {Bytes(s.ExternalInitializerBytes)} external)");
        Line("Nodes", s.SubgraphNodeCount > 0 ? $"{s.NodeCount} (+{s.SubgraphNodeCount} in subgraphs)" : s.NodeCount.ToString(CultureInfo.InvariantCulture));
        foreach (var (op, count) in s.OpTypeCounts) text.Append(CultureInfo.InvariantCulture, $"  {op,-23} {count}\n");
        if (s.Functions.Count > 0)
        {
            text.Append("Functions\n");
            foreach (Function f in s.Functions) text.Append(CultureInfo.InvariantCulture, $"  {f,-23} {f.Nodes.Count} nodes\n");
        }
        if (s.Metadata.Count > 0)
        {
            text.Append("Metadata\n");
            foreach (MetadataEntry e in s.Metadata) text.Append(CultureInfo.InvariantCulture, $"  {e.Key,-23} {e.Value}\n");
        }
        if (s.Values is { } values)
        {
            text.Append("Values\n");
            foreach (ValueInfo v in values) text.Append(CultureInfo.InvariantCulture, $"  {v.Name,-23} {TypeText(v.Type)}\n");
            foreach (ShapeInferenceException p in s.InferenceProblems) text.Append(CultureInfo.InvariantCulture, $"  warning: {p.Message}\n");
        }
        return text.ToString();
    }

    /// <summary>The type with its shape, e.g. <c>tensor(float)[batch,3,224,224]</c>.</summary>
    internal static string TypeText(TypeInfo? type) => type is null ? "(no type)" : $"{type}{ShapeOf(type)}";

    private static Shape? ShapeOf(TypeInfo? type) => type switch
    {
        TensorTypeInfo t => t.Shape,
        SparseTensorTypeInfo t => t.Shape,
        _ => null,
    };

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB",
    };

    internal static string ToJson(ModelSummary s)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            w.WriteNumber("irVersion", s.IrVersion);
            w.WriteString("producerName", s.ProducerName);
            w.WriteString("producerVersion", s.ProducerVersion);
            w.WriteString("domain", s.Domain);
            w.WriteNumber("modelVersion", s.ModelVersion);
            w.WriteString("docString", s.DocString);
            w.WriteStartArray("opsetImports");
            foreach (OpsetImport o in s.Opsets)
            {
                w.WriteStartObject();
                w.WriteString("domain", o.Domain.Length == 0 ? "ai.onnx" : o.Domain);
                w.WriteNumber("version", o.Version);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteValues(w, "inputs", s.Inputs);
            WriteValues(w, "outputs", s.Outputs);
            w.WriteStartObject("initializers");
            w.WriteNumber("count", s.InitializerCount);
            w.WriteNumber("inlineBytes", s.InlineInitializerBytes);
            w.WriteNumber("externalBytes", s.ExternalInitializerBytes);
            w.WriteEndObject();
            w.WriteNumber("nodeCount", s.NodeCount);
            w.WriteNumber("subgraphNodeCount", s.SubgraphNodeCount);
            w.WriteStartObject("opTypes");
            foreach (var (op, count) in s.OpTypeCounts)
                w.WriteNumber(op, count);
            w.WriteEndObject();
            w.WriteStartArray("functions");
            foreach (Function f in s.Functions)
            {
                w.WriteStartObject();
                w.WriteString("domain", f.Domain);
                w.WriteString("name", f.Name);
                w.WriteString("overload", f.Overload);
                w.WriteNumber("nodeCount", f.Nodes.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("metadata");
            foreach (MetadataEntry e in s.Metadata)
                w.WriteString(e.Key, e.Value);
            w.WriteEndObject();
            if (s.Values is { } values)
            {
                WriteValues(w, "values", values);
                w.WriteStartArray("inferenceProblems");
                foreach (ShapeInferenceException p in s.InferenceProblems)
                    w.WriteStringValue(p.Message);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteValues(Utf8JsonWriter w, string name, IReadOnlyList<ValueInfo> values)
    {
        w.WriteStartArray(name);
        foreach (ValueInfo v in values)
        {
            w.WriteStartObject();
            w.WriteString("name", v.Name);
            w.WriteString("type", v.Type?.ToString());
            if (ShapeOf(v.Type) is { } shape)
            {
                w.WriteStartArray("shape");
                foreach (Dim d in shape.Dims)
                {
                    if (d.Value is { } value) w.WriteNumberValue(value);
                    else if (d.Param is { } param) w.WriteStringValue(param);
                    else w.WriteNullValue();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
