namespace Onyx.Tests.Operators.Functions;

/// <summary>
/// Checks every schema function body against ONNX's backend tests: each test_X_expanded model holds exactly the
/// nodes of the function body of test_X's single node, so the body must have the same operators, and inferring the
/// body alone must reproduce test_X's declared output types.
/// </summary>
public sealed class FunctionBodyTests
{
    /// <summary>Expanded tests no body can reproduce yet, with the reason.</summary>
    public static TheoryData<string> ExpandedTests()
    {
        var data = new TheoryData<string>();
        foreach (string test in AllExpandedTests())
            data.Add(test);
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpandedTests))]
    public void Body_has_the_operators_of_the_expanded_test(string expandedTest)
    {
        BodyUnderTest subject = BodyUnderTest.Load(expandedTest);
        Model expanded = BodyUnderTest.ExpandedModel(expandedTest);
        Assert.NotNull(subject.Body);
        Assert.Equal(OperatorCounts(expanded.Graph.Nodes), OperatorCounts(subject.Body.Nodes));
    }

    /// <summary>
    /// The expanded tests whose body uses only operators that have inference (or a body of their own): until every
    /// family has inference, the others cannot be checked and join as their operators gain it.
    /// </summary>
    public static TheoryData<string> ExpandedTestsWithInferableBodies()
    {
        var data = new TheoryData<string>();
        foreach (string test in ExpandedTests())
        {
            BodyUnderTest subject = BodyUnderTest.Load(test);
            if (subject.Body is not null && NodesWithin(subject.Body.Nodes).All(n => subject.Resolve(n) is { HasInference: true } or { HasFunctionBody: true }))
                data.Add(test);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpandedTestsWithInferableBodies))]
    public void Inferring_the_body_reproduces_the_declared_outputs(string expandedTest)
    {
        BodyUnderTest subject = BodyUnderTest.Load(expandedTest);
        Model model = subject.BodyModel();
        ShapeInferenceResult result = ShapeInference.InferShapes(model);
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems.Select(p => p.Message)));
        for (int j = 0; j < subject.Node.Outputs.Count; j++)
        {
            if (subject.Node.Outputs[j].Length == 0)
                continue;
            TypeInfo? declared = subject.Model.Graph.Outputs.Single(o => o.Name == subject.Node.Outputs[j]).Type;
            TypeInfo? inferred = model.Graph.Outputs.Single(o => o.Name == subject.OutputName(j)).Type;
            AssertCompatible(declared, inferred, subject.OutputName(j));
        }
    }

    [Fact]
    public void Every_schema_with_a_body_builds_one_for_typical_inputs()
    {
        var failures = new List<string>();
        foreach (OperatorSchema schema in OperatorRegistry.Default.All.Where(s => s.HasFunctionBody && !s.Deprecated))
        {
            try
            {
                if (schema.FunctionBody!(TypicalContext(schema)) is not { Nodes.Count: > 0 })
                    failures.Add($"{schema}: no body");
            }
            catch (Exception e) when (e is OnyxException or InvalidOperationException or ArgumentException)
            {
                failures.Add($"{schema}: {e.Message}");
            }
        }
        Assert.Empty(failures);
    }

    /// <summary>
    /// A node with the required inputs (optional ones may exclude each other, as Attention's past_key and
    /// nonpad_kv_seqlen do; variadic ones that may be empty are left out) and all outputs, float tensors of shape [2, 2, 2, 2] (sequences of them where the formal
    /// takes only sequences), required int attributes 1 and required graphs an identity of one input.
    /// </summary>
    private static FunctionBodyContext TypicalContext(OperatorSchema schema)
    {
        var node = new Node(schema.Name,
            schema.Inputs.Where(p => p.Option != ParameterOption.Variadic || p.MinArity > 0).Select(p => p.Option == ParameterOption.Optional ? "" : p.Name),
            schema.Outputs.Select(p => p.Name), domain: schema.Domain);
        foreach (AttributeSchema a in schema.Attributes.Where(a => a.Required))
        {
            if (a.Type == AttributeType.Int)
                node.Attributes.Add(Attribute.Create(a.Name, 1L));
            else if (a.Type == AttributeType.Graph)
                node.Attributes.Add(Attribute.Create(a.Name, IdentityGraph()));
        }
        TypeInfo tensor = TypeInfo.Tensor(DataType.Float, [2, 2, 2, 2]);
        TypeInfo?[] types = schema.Inputs
            .Select(p => schema.FindTypeConstraint(p.Type)?.AllowedTypes.All(t => t.StartsWith("seq(", StringComparison.Ordinal)) == true
                ? new SequenceTypeInfo(tensor)
                : tensor)
            .ToArray();
        return new FunctionBodyContext(node, schema, schema.SinceVersion, types);
    }

    private static Graph IdentityGraph()
    {
        var graph = new Graph("identity");
        graph.Inputs.Add(ValueInfo.Tensor("x", DataType.Float));
        graph.Outputs.Add(ValueInfo.Tensor("y", DataType.Float));
        graph.Nodes.Add(new Node("Identity", ["x"], ["y"]));
        return graph;
    }

    private static IEnumerable<string> AllExpandedTests() =>
        Directory.EnumerateDirectories(Path.Combine(BackendTestData.Root, "node"), "test_*_expanded*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static IEnumerable<Node> NodesWithin(IEnumerable<Node> nodes) =>
        nodes.SelectMany(n => n.Attributes.SelectMany(a => a.Graph is null ? a.Graphs : [a.Graph, .. a.Graphs]).SelectMany(g => NodesWithin(g.Nodes)).Prepend(n));

    private static string OperatorCounts(IEnumerable<Node> nodes) =>
        string.Join(", ", nodes.GroupBy(n => $"{OperatorDomains.Display(OperatorDomains.Normalize(n.Domain))}.{n.OpType}")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));

    private static void AssertCompatible(TypeInfo? declared, TypeInfo? inferred, string output)
    {
        Assert.True(inferred is not null, $"output {output} not inferred");
        if (declared is TensorTypeInfo d && inferred is TensorTypeInfo i)
        {
            Assert.Equal(d.ElementType, i.ElementType);
            if (d.Shape is null || i.Shape is null)
                return;
            Assert.True(d.Shape.Rank == i.Shape.Rank, $"output {output}: declared {d.Shape}, inferred {i.Shape}");
            for (int k = 0; k < d.Shape.Rank; k++)
                Assert.False(d.Shape.Dims[k].Value is long a && i.Shape.Dims[k].Value is long b && a != b, $"output {output}: declared {d.Shape}, inferred {i.Shape}");
        }
        else
        {
            Assert.Equal(TypeInfo.Describe(declared), TypeInfo.Describe(inferred));
        }
    }

    /// <summary>A test_X model's single node, its schema and the body built for it.</summary>
    private sealed record BodyUnderTest(Model Model, Node Node, OperatorSchema Schema, long Opset, FunctionBody? Body, TypeInfo?[] InputTypes)
    {
        /// <summary>The schema a body node resolves to under the body's operator sets (the model's for other domains).</summary>
        public OperatorSchema? Resolve(Node node)
        {
            string domain = OperatorDomains.Normalize(node.Domain);
            OpsetImport? import = Body!.OpsetImports.Concat(Model.OpsetImports).FirstOrDefault(o => OperatorDomains.Normalize(o.Domain) == domain);
            return import is null ? null : OperatorRegistry.Default.Resolve(domain, node.OpType, import.Version);
        }

        public static BodyUnderTest Load(string expandedTest)
        {
            string test = expandedTest[..expandedTest.IndexOf("_expanded", StringComparison.Ordinal)];
            Model model = Model.Load(Path.Combine(BackendTestData.Root, "node", test, "model.onnx"));
            Node node = Assert.Single(model.Graph.Nodes);
            string domain = OperatorDomains.Normalize(node.Domain);
            // The _verNN twins are expanded at another opset than test_X's model declares.
            long opset = ExpandedModel(expandedTest).OpsetImports.Single(o => OperatorDomains.Normalize(o.Domain) == domain).Version;
            OperatorSchema schema = OperatorRegistry.Default.Resolve(domain, node.OpType, opset)!;
            Assert.True(schema.HasFunctionBody, $"{schema} has no function body");
            var types = new Dictionary<string, TypeInfo?>(StringComparer.Ordinal);
            foreach (ValueInfo input in model.Graph.Inputs)
                types[input.Name] = input.Type;
            TypeInfo?[] inputTypes = node.Inputs.Select(n => n.Length > 0 ? types.GetValueOrDefault(n) : null).ToArray();
            FunctionBody? body = schema.FunctionBody!(new FunctionBodyContext(node, schema, opset, inputTypes));
            return new(model, node, schema, opset, body, inputTypes);
        }

        public static Model ExpandedModel(string expandedTest) => Model.Load(Path.Combine(BackendTestData.Root, "node", expandedTest, "model.onnx"));

        /// <summary>The name the body gives the node's input <paramref name="index"/>: its own, or the schema's formal name.</summary>
        public string InputName(int index) => Body!.InputNames?[index] ?? Schema.FormalInput(index)!.Name;

        /// <summary>The name the body gives the node's output <paramref name="index"/>.</summary>
        public string OutputName(int index) => Body!.OutputNames?[index] ?? Schema.FormalOutput(index)!.Name;

        /// <summary>A model whose graph is the body alone: its inputs typed as the node's inputs, its outputs as outputs.</summary>
        public Model BodyModel()
        {
            var graph = new Graph("body");
            for (int i = 0; i < Node.Inputs.Count; i++)
                if (Node.Inputs[i].Length > 0)
                    graph.Inputs.Add(new ValueInfo(InputName(i), InputTypes[i]));
            for (int j = 0; j < Node.Outputs.Count; j++)
                if (Node.Outputs[j].Length > 0)
                    graph.Outputs.Add(new ValueInfo(OutputName(j)));
            graph.Nodes.AddRange(Body!.Nodes);
            var model = new Model(graph) { IrVersion = Model.IrVersion };
            model.OpsetImports.AddRange(Model.OpsetImports);
            foreach (OpsetImport o in Body!.OpsetImports)
            {
                model.OpsetImports.RemoveAll(m => OperatorDomains.Normalize(m.Domain) == OperatorDomains.Normalize(o.Domain));
                model.OpsetImports.Add(o);
            }
            return model;
        }
    }
}
