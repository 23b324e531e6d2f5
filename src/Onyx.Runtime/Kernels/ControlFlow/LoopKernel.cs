using Onyx.Runtime.Compute;
using Onyx.Runtime.Planning;

namespace Onyx.Runtime.Kernels.ControlFlow;

/// <summary>
/// Loop: runs the body while the iteration count is below M (when given) and the condition holds (when given),
/// threading the loop-carried values through; the body's further outputs are stacked along a new first axis into
/// the scan outputs.
/// </summary>
internal sealed class LoopKernel(ExecutionPlan body) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Loop", Create)];

    private static Kernel Create(KernelNode node)
    {
        Graph graph = node.Attributes.Graph("body") ?? throw node.Fail("attribute 'body' is required");
        int carried = node.Node.Inputs.Count - 2;
        if (carried < 0 || graph.Inputs.Count != carried + 2 || graph.Outputs.Count < carried + 1 || graph.Outputs.Count - 1 - carried != node.Node.Outputs.Count - carried)
            throw node.Fail($"the body has {graph.Inputs.Count} inputs and {graph.Outputs.Count} outputs; for {System.Math.Max(carried, 0)} loop-carried values and {node.Node.Outputs.Count} node outputs it needs {carried + 2} inputs and {node.Node.Outputs.Count + 1} outputs");
        return new LoopKernel(node.PlanSubgraph(graph));
    }

    public override void Run(KernelContext context)
    {
        long? tripCount = context.OptionalTensor(0) is { } m ? Scalar<long>(context, m, 0, DataType.Int64) : null;
        bool condition = context.OptionalTensor(1) is not { } c || Scalar<bool>(context, c, 1, DataType.Bool);
        int carriedCount = context.Node.Node.Inputs.Count - 2;
        OnnxValue[] carried = [.. Enumerable.Range(2, carriedCount).Select(i => context.Input(i) ?? throw context.Fail($"loop-carried input {i} is absent"))];
        int scanCount = context.OutputCount - carriedCount;
        var scans = Enumerable.Range(0, scanCount).Select(_ => new List<Tensor>()).ToArray();
        for (long i = 0; (tripCount is null || i < tripCount) && condition; i++)
        {
            if (i == context.Node.MaxLoopIterations)
                throw context.Fail($"the loop has run {i} iterations, the limit SessionOptions.MaxLoopIterations sets");
            IReadOnlyList<OnnxValue> outputs = SubgraphRun.Execute(context, body,
                [OnnxValue.FromTensor(Tensor.Scalar(i)), OnnxValue.FromTensor(Tensor.Scalar(condition)), .. carried]);
            condition = Scalar<bool>(context, outputs[0].Tensor, -1, DataType.Bool);
            carried = [.. outputs.Skip(1).Take(carriedCount)];
            for (int k = 0; k < scanCount; k++)
                scans[k].Add(outputs[1 + carriedCount + k].Tensor);
        }
        for (int j = 0; j < carriedCount; j++)
            context.SetOutput(j, carried[j]);
        for (int k = 0; k < scanCount; k++)
            context.SetOutput(carriedCount + k, OnnxValue.FromTensor(ScanOutputs.Stack(context, scans[k], body.Outputs[1 + carriedCount + k])));
    }

    private static T Scalar<T>(KernelContext context, Tensor tensor, int input, DataType type) where T : unmanaged =>
        tensor.DataType == type && tensor.ElementCount == 1 ? tensor.AsSpan<T>()[0]
            : throw context.Fail($"{(input < 0 ? "the body's condition output" : $"input {input}")} must hold one {type.TypeName()}, found {tensor.DataType.TypeName()} of shape [{string.Join(",", tensor.Dims)}]");
}
