namespace Onyx.Operators;

internal static partial class Range
{
    /// <summary>
    /// A Loop of max(ceil((limit - start) / delta), 0) iterations that emits the running value, starting at start and
    /// adding delta each time; the count is computed in float.
    /// </summary>
    internal static FunctionBody BodyV11(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(11);
        w.Output("output", WriteLoop(w, "start", "limit", "delta"));
        return w.ToBody();
    }

    /// <summary>
    /// As version 11; float16 and bfloat16 inputs run the loop in stash_type (float or double) and cast the result
    /// back. No body for an unknown input type or another stash_type.
    /// </summary>
    internal static FunctionBody? BodyV27(FunctionBodyContext context)
    {
        DataType type = context.InputElementType(0);
        if (type == DataType.Undefined)
            return null;
        var w = new FunctionBodyWriter(27);
        if (type is not (DataType.Float16 or DataType.BFloat16))
        {
            w.Output("output", WriteLoop(w, "start", "limit", "delta"));
            return w.ToBody();
        }
        var stash = (DataType)context.Attributes.Int("stash_type", (long)DataType.Float);
        if (stash is not (DataType.Float or DataType.Double))
            return null;
        string Stash(string input) => w.Cast(input, stash);
        string range = WriteLoop(w, Stash("start"), Stash("limit"), Stash("delta"), countInFloat: false);
        w.Output("output", w.Cast(range, type));
        return w.ToBody();
    }

    private static string WriteLoop(FunctionBodyWriter w, string start, string limit, string delta, bool countInFloat = true)
    {
        string difference = w.Op("Sub", limit, start);
        string quotient = countInFloat
            ? w.Op("Div", w.Cast(difference, DataType.Float), w.Cast(delta, DataType.Float))
            : w.Op("Div", difference, delta);
        string count = w.Op("Relu", w.Op("Ceil", quotient));
        string tripCount = w.Cast(count, DataType.Int64);
        string condition = w.Cast(count, DataType.Bool);
        return w.Ops("Loop", [tripCount, condition, start], 2, Attribute.Create("body", LoopBody(delta)))[1];
    }

    /// <summary>(i, cond, prev) => (cond, prev + delta, prev): carries the running value and emits it as a scan output.</summary>
    private static Graph LoopBody(string delta)
    {
        var body = new Graph("range_loop_body");
        body.Inputs.Add(ValueInfo.Tensor("i", DataType.Int64));
        body.Inputs.Add(ValueInfo.Tensor("cond", DataType.Bool));
        body.Inputs.Add(new ValueInfo("prev"));
        body.Outputs.Add(new ValueInfo("cond_out"));
        body.Outputs.Add(new ValueInfo("current"));
        body.Outputs.Add(new ValueInfo("range"));
        body.Nodes.Add(new Node("Identity", ["cond"], ["cond_out"]));
        body.Nodes.Add(new Node("Add", ["prev", delta], ["current"]));
        body.Nodes.Add(new Node("Identity", ["prev"], ["range"]));
        return body;
    }
}
