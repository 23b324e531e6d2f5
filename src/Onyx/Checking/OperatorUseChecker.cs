namespace Onyx;

/// <summary>
/// Checks one node against what it calls: the operator schema the imported opset resolves to (inputs and outputs
/// within the schema's arity, attributes known, required ones present and of the right type, known value types
/// allowed by the type constraints and consistent per type variable), or a model-local function.
/// </summary>
internal sealed class OperatorUseChecker(CheckContext context)
{
    /// <summary>
    /// Finds the schema the node uses (null for a function call or an unknown operator, which is reported) and
    /// returns the node's location with that schema's version.
    /// </summary>
    public (OperatorSchema? Schema, NodeLocation Location) Resolve(Node node, NodeLocation location, IReadOnlyDictionary<string, long> opsets)
    {
        if (node.OpType.Length == 0)
            context.Add(CheckCode.EmptyName, location, "the node has no operator type");
        OperatorSchema? schema = FindSchema(node, opsets, location);
        return (schema, schema is null ? location : location with { Version = schema.SinceVersion });
    }

    /// <summary>Checks the node's attributes, arity and types against its schema, or its call against the model-local function.</summary>
    public void Check(Node node, OperatorSchema? schema, NodeLocation location, ValueScope scope, IReadOnlyDictionary<string, TypeInfo?> declared,
        IReadOnlyDictionary<string, long> opsets, bool inFunction)
    {
        if (node.Overload.Length > 0)
            context.RequireIrVersion(10, "a node overload", location);
        CheckAttributesWellFormed(node, inFunction, location);
        if (schema is not null)
        {
            CheckArity(node, schema, location);
            CheckAttributes(node, schema, location);
            CheckTypes(node, schema, scope, declared, location);
        }
        else if (context.FindFunction(node) is { } function && opsets.ContainsKey(OperatorDomains.Normalize(node.Domain)))
        {
            CheckFunctionCall(node, function, location);
        }
    }

    private OperatorSchema? FindSchema(Node node, IReadOnlyDictionary<string, long> opsets, NodeLocation location)
    {
        string domain = OperatorDomains.Normalize(node.Domain);
        if (!opsets.TryGetValue(domain, out long version))
        {
            context.Add(CheckCode.DomainNotImported, location, $"domain '{OperatorDomains.Display(domain)}' of {node.OpType} is not among the imported operator sets");
            return null;
        }
        OperatorSchema? schema = context.Registry.ResolveIncludingDeprecated(domain, node.OpType, version);
        if (schema is { Deprecated: true })
        {
            context.Add(CheckCode.DeprecatedOperator, location with { Version = schema.SinceVersion },
                $"{node.OpType} was removed in {OperatorDomains.Display(domain)} version {schema.SinceVersion}; the model imports version {version}");
            return null;
        }
        if (schema is not null || context.FindFunction(node) is not null || node.OpType.Length == 0)
            return schema;
        if (IsStandardDomain(domain))
        {
            IReadOnlyList<OperatorSchema> versions = context.Registry.Versions(domain, node.OpType);
            string first = versions.Count > 0 ? $" (its first version is {versions[0].SinceVersion})" : "";
            context.Add(CheckCode.UnknownOperator, location,
                $"no operator {node.OpType} exists in {OperatorDomains.Display(domain)} version {version}{first}, and no model-local function of that name");
        }
        else
            context.Add(CheckCode.UncheckedOperator, location,
                $"{node.OpType} of custom domain '{domain}' has no schema and no model-local function, so its node was not checked");
        return null;
    }

    private bool IsStandardDomain(string domain) =>
        domain is OperatorDomains.Default or OperatorDomains.Ml or OperatorDomains.Training or OperatorDomains.Preview
        || context.Registry.KnowsDomain(domain);

    private void CheckAttributesWellFormed(Node node, bool inFunction, NodeLocation location)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Attribute attribute in node.Attributes)
        {
            if (attribute.Name.Length > 0 && !names.Add(attribute.Name))
                context.Add(CheckCode.DuplicateAttribute, location, $"attribute '{attribute.Name}' is set twice");
            AttributeRules.Check(context, attribute, inFunction, location);
        }
    }

    private void CheckArity(Node node, OperatorSchema schema, NodeLocation location)
    {
        CheckCount(node.Inputs, schema.Inputs, schema.MinInputs, schema.MaxInputs, "input", CheckCode.TooFewInputs, CheckCode.TooManyInputs, schema, location);
        CheckCount(node.Outputs, schema.Outputs, schema.MinOutputs, schema.MaxOutputs, "output", CheckCode.TooFewOutputs, CheckCode.TooManyOutputs, schema, location);
    }

    private void CheckCount(List<string> actual, IReadOnlyList<FormalParameter> formals, int min, int max, string kind,
        CheckCode tooFew, CheckCode tooMany, OperatorSchema schema, NodeLocation location)
    {
        string allowed = max == int.MaxValue ? $"at least {min}" : min == max ? $"{min}" : $"{min} to {max}";
        if (actual.Count < min)
            context.Add(tooFew, location, $"the node has {actual.Count} {kind}s; {schema} takes {allowed} ({string.Join(", ", formals)})");
        else if (actual.Count > max)
            context.Add(tooMany, location, $"the node has {actual.Count} {kind}s; {schema} takes {allowed} ({string.Join(", ", formals)})");
        for (int i = 0; i < actual.Count && i < formals.Count; i++)
            if (actual[i].Length == 0 && formals[i].Option == ParameterOption.Single)
                context.Add(CheckCode.RequiredValueEmpty, location, $"{kind} {i} ({formals[i].Name}) is empty, but {schema} requires it");
    }

    private void CheckAttributes(Node node, OperatorSchema schema, NodeLocation location)
    {
        foreach (Attribute attribute in node.Attributes)
        {
            // Names starting with two underscores are implementation details that schemas do not list (onnx OpSchema::Verify).
            if (attribute.Name.Length == 0 || attribute.Name.StartsWith("__", StringComparison.Ordinal))
                continue;
            if (schema.FindAttribute(attribute.Name) is not { } expected)
            {
                string accepted = schema.Attributes.Count == 0 ? "none" : string.Join(", ", schema.Attributes.Select(a => a.Name));
                context.Add(CheckCode.UnknownAttribute, location, $"{schema} has no attribute '{attribute.Name}' (it accepts: {accepted})");
            }
            else if (attribute.Type != expected.Type)
            {
                context.Add(CheckCode.AttributeTypeMismatch, location,
                    $"attribute '{attribute.Name}' is {AttributeRules.ProtoName(attribute.Type)}; {schema} expects {AttributeRules.ProtoName(expected.Type)}");
            }
        }
        foreach (AttributeSchema expected in schema.Attributes)
            if (expected.Required && node.FindAttribute(expected.Name) is null)
                context.Add(CheckCode.MissingRequiredAttribute, location, $"{schema} requires attribute '{expected.Name}' ({AttributeRules.ProtoName(expected.Type)}), which is not set");
    }

    private void CheckTypes(Node node, OperatorSchema schema, ValueScope scope, IReadOnlyDictionary<string, TypeInfo?> declared, NodeLocation location)
    {
        var bindings = new Dictionary<string, (TypeInfo Type, string Where)>(StringComparer.Ordinal);
        for (int i = 0; i < node.Inputs.Count; i++)
            if (node.Inputs[i].Length > 0 && schema.FormalInput(i) is { } formal)
                CheckType(schema, formal, scope.TypeOf(node.Inputs[i]), $"input {i} '{node.Inputs[i]}'", bindings, location);
        for (int j = 0; j < node.Outputs.Count; j++)
            if (node.Outputs[j].Length > 0 && schema.FormalOutput(j) is { } formal)
                CheckType(schema, formal, declared.GetValueOrDefault(node.Outputs[j]), $"output {j} '{node.Outputs[j]}'", bindings, location);
    }

    private void CheckType(OperatorSchema schema, FormalParameter formal, TypeInfo? type, string where,
        Dictionary<string, (TypeInfo Type, string Where)> bindings, NodeLocation location)
    {
        if (!IrFeatures.IsComplete(type))
            return;
        string actual = type!.ToString();
        if (schema.FindTypeConstraint(formal.Type) is not { } constraint)
        {
            // A formal type written out, e.g. tensor(int64), rather than a type variable.
            if (formal.Type.Contains('(') && formal.Type != actual)
                context.Add(CheckCode.TypeConstraintViolation, location, $"{where} ({formal.Name}) has type {actual}; {schema} requires {formal.Type}");
            return;
        }
        if (!constraint.Allows(type))
        {
            context.Add(CheckCode.TypeConstraintViolation, location,
                $"{where} ({formal.Name}) has type {actual}; {schema} allows {constraint.TypeVariable} to be {string.Join(", ", constraint.AllowedTypes)}");
            return;
        }
        if (formal.Option == ParameterOption.Variadic && !formal.Homogeneous)
            return;
        if (!bindings.TryGetValue(constraint.TypeVariable, out var bound))
            bindings[constraint.TypeVariable] = (type, where);
        else if (bound.Type.ToString() != actual)
            context.Add(CheckCode.TypeVariableMismatch, location,
                $"{where} ({formal.Name}) has type {actual} but {bound.Where} binds {constraint.TypeVariable} of {schema} to {bound.Type}; they must be the same");
    }

    private void CheckFunctionCall(Node node, Function function, NodeLocation location)
    {
        if (node.Inputs.Count > function.Inputs.Count)
            context.Add(CheckCode.TooManyInputs, location, $"the node has {node.Inputs.Count} inputs; function {function} takes {function.Inputs.Count}");
        if (node.Outputs.Count > function.Outputs.Count)
            context.Add(CheckCode.TooManyOutputs, location, $"the node has {node.Outputs.Count} outputs; function {function} returns {function.Outputs.Count}");
        foreach (Attribute attribute in node.Attributes)
            if (attribute.Name.Length > 0 && !function.AttributeNames.Contains(attribute.Name) && !function.AttributeDefaults.Exists(a => a.Name == attribute.Name))
                context.Add(CheckCode.UnknownAttribute, location, $"function {function} has no attribute '{attribute.Name}'");
    }
}
