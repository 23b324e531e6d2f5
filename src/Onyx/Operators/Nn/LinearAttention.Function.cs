namespace Onyx.Operators;

internal static partial class LinearAttention
{
    /// <summary>
    /// query, key, value (and decay, beta) [B, T, H * D] are unpacked to [T, B, H, D] and a Scan over T carries the
    /// state S [B, H_kv, d_k, d_v] (past_state, or zeros), in float:
    /// linear S += k v^T; gated S = exp(g) S + k v^T; delta S += k (beta (v - S^T k))^T; gated_delta applies the decay
    /// first and then the delta rule. Each step reads o = scale q^T S, with S's heads repeated q_num_heads / kv_num_heads
    /// times for grouped queries; scale defaults to 1 / sqrt(d_k). No body for bad head counts or an unknown query type.
    /// </summary>
    internal static FunctionBody? BodyV27(FunctionBodyContext context)
    {
        if (context.Attributes.Int("q_num_heads") is not long qHeads || context.Attributes.Int("kv_num_heads") is not long kvHeads
            || qHeads <= 0 || kvHeads <= 0 || qHeads % kvHeads != 0 || context.InputTypes[0] is null)
            return null;
        string rule = context.Attributes.String("update_rule", "gated_delta");
        bool gated = rule is "gated" or "gated_delta", delta = rule is "delta" or "gated_delta";
        long groupSize = qHeads / kvHeads;
        float scale = context.Attributes.Float("scale", 0f);

        var w = new FunctionBodyWriter(27);
        string minusOne = w.Ints(-1), one = w.Ints(1), qHeadCount = w.Ints(qHeads), kvHeadCount = w.Ints(kvHeads);
        string batch = w.Op("Shape", ["query"], Attribute.Create("start", 0L), Attribute.Create("end", 1L));
        string length = w.Op("Shape", ["query"], Attribute.Create("start", 1L), Attribute.Create("end", 2L));
        Attribute timeFirst = Attribute.Create("perm", new[] { 1L, 0, 2, 3 });
        string Unpack(string input, string shape) => w.Op("Transpose", [w.Op("Reshape", input, shape)], timeFirst);
        string q = Unpack("query", w.Op("Concat", [batch, length, qHeadCount, minusOne], Attribute.Create("axis", 0L)));
        string kvShape = w.Op("Concat", [batch, length, kvHeadCount, minusOne], Attribute.Create("axis", 0L));
        string k = Unpack("key", kvShape), v = Unpack("value", kvShape);
        List<string> scanned = [q, k, v];
        if (gated)
            scanned.Add(Unpack("decay", kvShape));
        if (delta)
            scanned.Add(Unpack("beta", w.Op("Concat", [batch, length, minusOne, one], Attribute.Create("axis", 0L))));
        string keySize = w.Op("Div", w.Op("Shape", ["query"], Attribute.Create("start", 2L), Attribute.Create("end", 3L)), qHeadCount);
        string valueSize = w.Op("Div", w.Op("Shape", ["value"], Attribute.Create("start", 2L), Attribute.Create("end", 3L)), kvHeadCount);
        string state = context.HasInput(3)
            ? w.Cast("past_state", DataType.Float)
            : w.Op("ConstantOfShape", w.Op("Concat", [batch, kvHeadCount, keySize, valueSize], Attribute.Create("axis", 0L)));
        string scaleFactor = scale != 0f
            ? w.Scalar(scale)
            : w.Op("Reciprocal", w.Op("Sqrt", w.Cast(w.Op("Squeeze", keySize), DataType.Float)));
        StateReader? reader = groupSize > 1
            ? new(w.Ints(2),
                w.Op("Concat", [batch, kvHeadCount, w.Ints(groupSize), keySize, valueSize], Attribute.Create("axis", 0L)),
                w.Op("Concat", [batch, qHeadCount, keySize, valueSize], Attribute.Create("axis", 0L)))
            : null;
        string minusTwo = w.Ints(-2);

        Graph step = Step(gated, delta, minusOne, minusTwo, scaleFactor, reader);
        string[] results = w.Ops("Scan", [state, .. scanned], 2,
            Attribute.Create("num_scan_inputs", (long)scanned.Count), Attribute.Create("body", step));
        string packed = w.Op("Concat", [batch, length, minusOne], Attribute.Create("axis", 0L));
        w.Output("output", w.Op("Reshape", w.Op("Transpose", [results[1]], timeFirst), packed));
        w.Output("present_state", w.Op("CastLike", results[0], context.HasInput(3) ? "past_state" : "query"));
        return w.ToBody();
    }

    /// <summary>The outer values that repeat the state's heads for grouped queries: the axis to insert, the expanded and the read shapes.</summary>
    private sealed record StateReader(string Axis, string ExpandedShape, string ReadShape);

    /// <summary>One Scan step: (state, q_t, k_t, v_t[, decay_t][, beta_t]) => (new state, output_t).</summary>
    private static Graph Step(bool gated, bool delta, string minusOne, string minusTwo, string scaleFactor, StateReader? reader)
    {
        var w = new FunctionBodyWriter(27, "step_");
        List<string> inputs = ["state_in", "q_t", "k_t", "v_t"];
        if (gated)
            inputs.Add("decay_t");
        if (delta)
            inputs.Add("beta_t");
        string q = w.Cast("q_t", DataType.Float), k = w.Cast("k_t", DataType.Float), v = w.Cast("v_t", DataType.Float);
        string decay = gated ? w.Cast("decay_t", DataType.Float) : "";
        string beta = delta ? w.Cast("beta_t", DataType.Float) : "";
        string state = gated ? w.Op("Mul", "state_in", w.Op("Unsqueeze", w.Op("Exp", decay), minusOne)) : "state_in";
        string keyColumn = w.Op("Unsqueeze", k, minusOne);
        string written = v;
        if (delta)
        {
            string transposed = w.Op("Transpose", [state], Attribute.Create("perm", new[] { 0L, 1, 3, 2 }));
            string retrieved = w.Op("Squeeze", w.Op("MatMul", transposed, keyColumn), minusOne);
            written = w.Op("Mul", beta, w.Op("Sub", v, retrieved));
        }
        string newState = w.Op("Add", state, w.Op("MatMul", keyColumn, w.Op("Unsqueeze", written, minusTwo)));
        string readable = reader is null
            ? newState
            : w.Op("Reshape", w.Op("Expand", w.Op("Unsqueeze", newState, reader.Axis), reader.ExpandedShape), reader.ReadShape);
        string read = w.Op("Squeeze", w.Op("MatMul", w.Op("Unsqueeze", q, minusTwo), readable), minusTwo);
        string output = w.Op("CastLike", w.Op("Mul", scaleFactor, read), "q_t");
        w.Output("state_out", newState);
        w.Output("output_t", output);
        return w.ToGraph("linear_attention_step", inputs, ["state_out", "output_t"]);
    }
}
