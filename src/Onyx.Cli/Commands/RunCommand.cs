using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Onyx.Runtime;

namespace Onyx.Cli.Commands;

/// <summary><c>onyx run MODEL --input NAME=FILE ... [--output-dir DIR] [--json]</c>: runs a model once.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file." };
        var inputs = new Option<string[]>("--input", "-i") { Description = "An input as NAME=FILE (.pb TensorProto or .npy); inputs not given get random values of the declared shape (unknown dims 1)." };
        var outputDir = new Option<DirectoryInfo?>("--output-dir", "-o") { Description = "Write each output there as NAME.pb." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("run", "Run a model once and show (or save) its outputs. Exit code 0 ran, 1 the run failed, 2 the model or an input cannot be read.")
        {
            model,
            inputs,
            outputDir,
            json,
        };
        command.SetAction(result => Run(result.GetValue(model)!, result.GetValue(inputs) ?? [], result.GetValue(outputDir), result.GetValue(json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, string[] inputArguments, DirectoryInfo? outputDir, bool json, TextWriter output, TextWriter error)
    {
        InferenceSession session;
        Dictionary<string, OnnxValue> inputs;
        try
        {
            session = new InferenceSession(file.FullName);
            inputs = ReadInputs(session, inputArguments);
        }
        catch (Exception e) when (e is OnyxException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"onyx run: {e.Message}");
            return e is OnnxRuntimeException ? 1 : 2;
        }
        IReadOnlyDictionary<string, OnnxValue> outputs;
        try
        {
            outputs = session.Run(inputs);
        }
        catch (OnyxException e)
        {
            error.WriteLine($"onyx run: {e.Message}");
            return 1;
        }
        if (outputDir is not null)
        {
            Directory.CreateDirectory(outputDir.FullName);
            foreach (var (name, value) in outputs.Where(o => o.Value.Kind == OnnxValueKind.Tensor))
                TensorFile.Write(Path.Combine(outputDir.FullName, SafeFileName(name) + ".pb"), value.Tensor);
        }
        output.Write(json ? ToJson(outputs) : ToText(outputs));
        return 0;
    }

    private static Dictionary<string, OnnxValue> ReadInputs(InferenceSession session, string[] arguments)
    {
        Dictionary<string, OnnxValue> inputs = InputArguments.Read(session, arguments);
        var random = new Random(0);
        foreach (NodeMetadata input in session.InputMetadata.Where(i => !i.HasDefault && !inputs.ContainsKey(i.Name)))
            inputs[input.Name] = RandomInput(input, random);
        return inputs;
    }

    /// <summary>A random tensor of the declared type and dims (1 where a dim is unknown): reals in [0, 1), integers in [0, 10), bools.</summary>
    private static OnnxValue RandomInput(NodeMetadata input, Random random)
    {
        long[] dims = [.. (input.Dims ?? throw new OnyxException($"input '{input.Name}' has no declared shape; give it with --input")).Select(d => d < 0 ? 1 : d)];
        long count = dims.Aggregate(1L, (a, d) => checked(a * d));
        if (count > 1L << 28)
            throw new OnyxException($"input '{input.Name}' would hold {count} elements; give it with --input");
        int n = (int)count;
        return input.ElementType switch
        {
            DataType.Float => OnnxValue.FromArray(Enumerable.Range(0, n).Select(_ => random.NextSingle()).ToArray(), dims),
            DataType.Double => OnnxValue.FromArray(Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray(), dims),
            DataType.Float16 => OnnxValue.FromArray(Enumerable.Range(0, n).Select(_ => (Half)random.NextSingle()).ToArray(), dims),
            DataType.Int64 => OnnxValue.FromArray(Enumerable.Range(0, n).Select(_ => (long)random.Next(10)).ToArray(), dims),
            DataType.Int32 => OnnxValue.FromArray(Enumerable.Range(0, n).Select(_ => random.Next(10)).ToArray(), dims),
            DataType.UInt8 => OnnxValue.FromArray(Enumerable.Range(0, n).Select(_ => (byte)random.Next(10)).ToArray(), dims),
            DataType.Int8 => OnnxValue.FromArray(Enumerable.Range(0, n).Select(_ => (sbyte)random.Next(10)).ToArray(), dims),
            DataType.Bool => OnnxValue.FromArray(Enumerable.Range(0, n).Select(_ => random.Next(2) == 1).ToArray(), dims),
            _ => throw new OnyxException($"input {input} cannot be made up; give it with --input"),
        };
    }

    private static string SafeFileName(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_'));

    internal static string ToText(IReadOnlyDictionary<string, OnnxValue> outputs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}");
            if (value.Kind == OnnxValueKind.Tensor)
                text.Append(CultureInfo.InvariantCulture, $" = [{string.Join(", ", Preview(value.Tensor, 10))}{(value.Tensor.Dims.Aggregate(1L, (a, d) => a * d) > 10 ? ", …" : "")}]");
            text.Append('\n');
        }
        return text.ToString();
    }

    internal static string ToJson(IReadOnlyDictionary<string, OnnxValue> outputs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("outputs");
            foreach (var (name, value) in outputs)
                WriteValue(w, name, value);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One value as a JSON object: its kind, and a tensor's type, shape and values, a sequence's or optional's elements, or a map's keys and values.</summary>
    private static void WriteValue(Utf8JsonWriter w, string? name, OnnxValue value)
    {
        w.WriteStartObject();
        if (name is not null)
            w.WriteString("name", name);
        w.WriteString("kind", value.Kind.ToString().ToLowerInvariant());
        switch (value.Kind)
        {
            case OnnxValueKind.Tensor:
                WriteTensor(w, value.Tensor);
                break;
            case OnnxValueKind.Map:
                w.WriteStartObject("keys");
                WriteTensor(w, value.MapKeys);
                w.WriteEndObject();
                w.WriteStartObject("values");
                WriteTensor(w, value.MapValues);
                w.WriteEndObject();
                break;
            default:
                w.WriteStartArray("elements");
                foreach (OnnxValue element in value.Elements)
                    WriteValue(w, null, element);
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static void WriteTensor(Utf8JsonWriter w, Tensor tensor)
    {
        w.WriteString("elementType", tensor.DataType.TypeName());
        w.WriteStartArray("shape");
        foreach (long d in tensor.Dims)
            w.WriteNumberValue(d);
        w.WriteEndArray();
        w.WriteStartArray("values");
        foreach (string v in Preview(tensor, int.MaxValue))
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>Up to <paramref name="limit"/> values of a tensor as invariant text.</summary>
    private static IEnumerable<string> Preview(Tensor tensor, int limit) => tensor.DataType switch
    {
        DataType.Float => tensor.AsSpan<float>().ToArray().Take(limit).Select(v => v.ToString("R", CultureInfo.InvariantCulture)),
        DataType.Double => tensor.AsSpan<double>().ToArray().Take(limit).Select(v => v.ToString("R", CultureInfo.InvariantCulture)),
        DataType.Float16 => tensor.AsSpan<Half>().ToArray().Take(limit).Select(v => ((float)v).ToString("R", CultureInfo.InvariantCulture)),
        DataType.Int64 => tensor.AsSpan<long>().ToArray().Take(limit).Select(v => v.ToString(CultureInfo.InvariantCulture)),
        DataType.Int32 => tensor.AsSpan<int>().ToArray().Take(limit).Select(v => v.ToString(CultureInfo.InvariantCulture)),
        DataType.UInt8 => tensor.AsSpan<byte>().ToArray().Take(limit).Select(v => v.ToString(CultureInfo.InvariantCulture)),
        DataType.Int8 => tensor.AsSpan<sbyte>().ToArray().Take(limit).Select(v => v.ToString(CultureInfo.InvariantCulture)),
        DataType.Bool => tensor.AsSpan<bool>().ToArray().Take(limit).Select(v => v ? "true" : "false"),
        DataType.String => tensor.ToStrings().Take(limit),
        _ => [$"({tensor.DataType.TypeName()} values not shown)"],
    };
}
