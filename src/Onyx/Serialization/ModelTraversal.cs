namespace Onyx.Serialization;

/// <summary>Walks every graph of a model: the main graph, subgraphs in attributes, training graphs and functions' subgraphs.</summary>
internal static class ModelTraversal
{
    public static IEnumerable<Graph> Graphs(Model model)
    {
        var pending = new Stack<Graph>();
        pending.Push(model.Graph);
        foreach (TrainingInfo info in model.TrainingInfos)
        {
            if (info.Algorithm is not null) pending.Push(info.Algorithm);
            if (info.Initialization is not null) pending.Push(info.Initialization);
        }
        foreach (Function function in model.Functions)
            PushSubgraphs(function.Nodes, pending);
        while (pending.Count > 0)
        {
            Graph graph = pending.Pop();
            yield return graph;
            PushSubgraphs(graph.Nodes, pending);
        }
    }

    /// <summary>Every initializer of every graph, in traversal order.</summary>
    public static IEnumerable<Tensor> Initializers(Model model)
    {
        foreach (Graph graph in Graphs(model))
            foreach (Tensor tensor in graph.Initializers)
                yield return tensor;
    }

    private static void PushSubgraphs(List<Node> nodes, Stack<Graph> pending)
    {
        for (int n = nodes.Count - 1; n >= 0; n--)
        {
            List<Attribute> attributes = nodes[n].Attributes;
            for (int a = attributes.Count - 1; a >= 0; a--)
            {
                for (int g = attributes[a].Graphs.Count - 1; g >= 0; g--)
                    pending.Push(attributes[a].Graphs[g]);
                if (attributes[a].Graph is not null)
                    pending.Push(attributes[a].Graph!);
            }
        }
    }
}
