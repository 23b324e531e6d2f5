namespace Onyx.Tests.Checking;

public sealed class CheckerRobustnessTests
{
    /// <summary>
    /// Breaks backend test models in many small ways (renamed values, dropped or swapped nodes, retyped attributes,
    /// truncated tensors, changed opsets) and requires the checker to report the damage as problems, never to throw.
    /// </summary>
    [Fact]
    public void Mutated_backend_models_produce_problems_not_exceptions()
    {
        var random = new Random(20261122);
        string[] files = [.. BackendTestData.Files("model.onnx").Where((_, i) => i % 7 == 0)];
        int reported = 0;
        foreach (string file in files)
        {
            for (int round = 0; round < 4; round++)
            {
                Model model = Model.Load(file);
                Mutate(model, random);
                CheckResult result = ModelChecker.Check(model, new CheckerOptions { FullCheck = true, ModelDirectory = Path.GetDirectoryName(file) });
                if (result.Problems.Count > 0)
                    reported++;
            }
        }
        Assert.True(reported > files.Length, $"only {reported} of {files.Length * 4} mutated models had problems");
    }

    private static void Mutate(Model model, Random random)
    {
        Graph graph = model.Graph;
        switch (random.Next(10))
        {
            case 0 when graph.Nodes.Count > 1:
                graph.Nodes.Reverse();
                break;
            case 1 when graph.Nodes.Count > 0:
                graph.Nodes.RemoveAt(random.Next(graph.Nodes.Count));
                break;
            case 2 when graph.Nodes.Count > 0:
                Node node = graph.Nodes[random.Next(graph.Nodes.Count)];
                if (node.Inputs.Count > 0)
                    node.Inputs[random.Next(node.Inputs.Count)] = "renamed";
                else
                    node.Inputs.Add("");
                break;
            case 3 when graph.Nodes.Count > 0:
                foreach (Attribute a in graph.Nodes[random.Next(graph.Nodes.Count)].Attributes)
                    a.Type = (AttributeType)random.Next(16);
                break;
            case 4 when graph.Initializers.Count > 0:
                Tensor t = graph.Initializers[random.Next(graph.Initializers.Count)];
                t.Dims = [.. t.Dims, random.Next(-2, 3)];
                break;
            case 5:
                model.OpsetImports.Clear();
                model.OpsetImports.Add(new OpsetImport("", random.Next(-1, 30)));
                break;
            case 6:
                model.IrVersion = random.Next(-1, 16);
                break;
            case 7 when graph.Nodes.Count > 0:
                graph.Nodes[random.Next(graph.Nodes.Count)].Outputs.Add(graph.Inputs.Count > 0 ? graph.Inputs[0].Name : "x");
                break;
            case 8:
                foreach (ValueInfo v in graph.Inputs.Concat(graph.Outputs))
                    v.Type = random.Next(3) switch { 0 => null, 1 => TypeInfo.Tensor(DataType.String), _ => new SequenceTypeInfo(null) };
                break;
            default:
                foreach (Node n in graph.Nodes)
                    n.OpType = n.OpType + "X";
                break;
        }
    }
}
