using Onyx.Runtime;

namespace Onyx.Tests.Runtime.ControlFlowKernels;

public sealed class ScanKernelTests
{
    private static readonly float[] Rows = [1, 2, 3, 4, 5, 6];

    /// <summary>A running sum: the state adds each scanned element and is also the scan output.</summary>
    private static Graph RunningSum()
    {
        var body = new GraphBuilder("body");
        body.AddInput("s_in", DataType.Float, 2);
        body.AddInput("x_t", DataType.Float, 2);
        string sum = body.AddNode("Add", ["s_in", "x_t"]);
        body.AddOutput(body.AddNode("Identity", [sum]), DataType.Float, 2);
        body.AddOutput(body.AddNode("Identity", [sum]), DataType.Float, 2);
        return body.Build();
    }

    private static OnnxValue[] Run9(float[] x, long[] xDims, params Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, [.. xDims]);
        g.AddInitializer("s0", Tensor.FromArray(new[] { 0f, 0f }, 2));
        Node scan = g.AddNode("Scan", ["s0", "x"], 2, "", [Attribute.Create("body", RunningSum()), Attribute.Create("num_scan_inputs", 1L), .. attributes]);
        g.AddOutput(scan.Outputs[0], DataType.Float, 2).AddOutput(scan.Outputs[1], DataType.Float, "a", "b");
        var session = new InferenceSession(g.ToModel(21));
        return [.. session.Run(new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(x, xDims) }).Values];
    }

    [Fact]
    public void Scans_forward_along_axis_0()
    {
        OnnxValue[] outputs = Run9(Rows, [3, 2]);

        Assert.Equal([9f, 12f], outputs[0].ToArray<float>());
        Assert.Equal([3L, 2], outputs[1].Dims);
        Assert.Equal([1f, 2, 4, 6, 9, 12], outputs[1].ToArray<float>());
    }

    [Fact]
    public void Scans_a_reversed_input()
    {
        OnnxValue[] outputs = Run9(Rows, [3, 2], Attribute.Create("scan_input_directions", [1L]));

        Assert.Equal([5f, 6, 8, 10, 9, 12], outputs[1].ToArray<float>());
    }

    [Fact]
    public void Scans_along_a_negative_input_axis_and_stacks_along_another_output_axis_in_reverse()
    {
        // x is the transpose of Rows, scanned along its last axis; the output stacks along axis 1, last iteration first.
        OnnxValue[] outputs = Run9([1, 3, 5, 2, 4, 6], [2, 3],
            Attribute.Create("scan_input_axes", [-1L]), Attribute.Create("scan_output_axes", [1L]), Attribute.Create("scan_output_directions", [1L]));

        Assert.Equal([9f, 12f], outputs[0].ToArray<float>());
        Assert.Equal([2L, 3], outputs[1].Dims);
        Assert.Equal([9f, 4, 1, 12, 6, 2], outputs[1].ToArray<float>());
    }

    [Fact]
    public void Zero_length_scans_keep_the_state_and_give_an_empty_output_of_the_declared_shape()
    {
        OnnxValue[] outputs = Run9([], [0, 2]);

        Assert.Equal([0f, 0f], outputs[0].ToArray<float>());
        Assert.Equal([0L, 2], outputs[1].Dims);
    }

    [Fact]
    public void Scan_inputs_of_different_lengths_are_rejected()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 3, 2);
        g.AddInput("y", DataType.Float, "n", 2);
        var body = new GraphBuilder("body");
        body.AddInput("a", DataType.Float, 2);
        body.AddInput("b", DataType.Float, 2);
        body.AddOutput(body.AddNode("Add", ["a", "b"]), DataType.Float, 2);
        Node scan = g.AddNode("Scan", ["x", "y"], 1, "", Attribute.Create("body", body.Build()), Attribute.Create("num_scan_inputs", 2L));
        g.AddOutput(scan.Outputs[0], DataType.Float, "m", 2);
        var session = new InferenceSession(g.ToModel(21));

        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxValue>
        {
            ["x"] = OnnxValue.FromArray(Rows, 3, 2),
            ["y"] = OnnxValue.FromArray(new[] { 1f, 2f }, 1, 2),
        }));
        Assert.Contains("scan input 1 has 1 elements along its scan axis 0, but scan input 0 has 3", e.Message);
        Assert.Contains("Scan", e.Message);
    }

    [Fact]
    public void A_body_whose_scan_output_changes_shape_is_rejected()
    {
        // The body emits the scanned element's non-zero positions, whose count differs between iterations.
        var body = new GraphBuilder("body");
        body.AddInput("x_t", DataType.Float, 2);
        body.AddOutput(body.AddNode("NonZero", ["x_t"]), DataType.Int64, 1, "k");
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2, 2);
        Node scan = g.AddNode("Scan", ["x"], 1, "", Attribute.Create("body", body.Build()), Attribute.Create("num_scan_inputs", 1L));
        g.AddOutput(scan.Outputs[0], DataType.Int64, 2, 1, "k");
        var session = new InferenceSession(g.ToModel(21));

        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxValue>
        {
            ["x"] = OnnxValue.FromArray(new[] { 1f, 0f, 1f, 1f }, 2, 2),
        }));
        Assert.Contains("changes type or shape between iterations", e.Message);
    }

    /// <summary>Scan 8: batch axis 0, sequence axis 1, optional per-batch sequence lengths.</summary>
    private static OnnxValue[] Run8(long[]? lengths, params Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2, 3, 2);
        if (lengths is not null)
            g.AddInitializer("lens", Tensor.FromArray(lengths, lengths.Length));
        g.AddInitializer("s0", Tensor.FromArray(new[] { 0f, 0f, 100f, 100f }, 2, 2));
        Node scan = g.AddNode("Scan", [lengths is null ? "" : "lens", "s0", "x"], 2, "",
            [Attribute.Create("body", RunningSum()), Attribute.Create("num_scan_inputs", 1L), .. attributes]);
        g.AddOutput(scan.Outputs[0], DataType.Float, 2, 2).AddOutput(scan.Outputs[1], DataType.Float, 2, 3, 2);
        // IR version 4 lets initializers stand apart from the inputs.
        var session = new InferenceSession(new ModelBuilder(g.Build()).UseOpset("", 8).WithIrVersion(4).Build());
        return [.. session.Run(new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray((float[])[.. Rows, .. Rows], 2, 3, 2) }).Values];
    }

    [Fact]
    public void Scan_8_scans_each_batch_entry_from_its_own_state()
    {
        OnnxValue[] outputs = Run8(null);

        Assert.Equal([9f, 12, 109, 112], outputs[0].ToArray<float>());
        Assert.Equal([1f, 2, 4, 6, 9, 12, 101, 102, 104, 106, 109, 112], outputs[1].ToArray<float>());
    }

    [Fact]
    public void Scan_8_stops_at_each_sequence_length_and_pads_with_zeros()
    {
        OnnxValue[] outputs = Run8([2, 1], Attribute.Create("directions", [1L]));

        // Entry 0 scans its first two elements in reverse (3,4 then 1,2); entry 1 only its first (1,2).
        Assert.Equal([4f, 6, 101, 102], outputs[0].ToArray<float>());
        Assert.Equal([3f, 4, 4, 6, 0, 0, 101, 102, 0, 0, 0, 0], outputs[1].ToArray<float>());
    }

    [Fact]
    public void Scan_8_rejects_a_sequence_length_past_the_sequence_axis()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => Run8([4, 1]));

        Assert.Contains("sequence_lens", e.Message);
        Assert.Contains("[0, 3]", e.Message);
    }
}
