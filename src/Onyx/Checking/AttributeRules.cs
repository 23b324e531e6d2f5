namespace Onyx;

/// <summary>
/// Well-formedness of one attribute, whatever operator it belongs to (onnx checker's <c>check_attribute</c>): a name, a
/// type, exactly the value field the type names, and <c>ref_attr_name</c> only inside function bodies.
/// </summary>
internal static class AttributeRules
{
    public static void Check(CheckContext context, Attribute attribute, bool inFunction, NodeLocation location)
    {
        if (attribute.Name.Length == 0)
        {
            context.Add(CheckCode.EmptyName, location, "an attribute has no name");
            return;
        }
        string what = $"attribute '{attribute.Name}'";
        if (attribute.RefAttrName.Length > 0)
        {
            AttributeType set = SetFields(attribute).FirstOrDefault();
            if (!inFunction)
                context.Add(CheckCode.RefAttributeOutsideFunction, location,
                    $"{what} refers to the caller's attribute '{attribute.RefAttrName}', but only nodes inside a function body may refer to attributes");
            else if (set != AttributeType.Undefined)
                context.Add(CheckCode.AttributeMalformed, location,
                    $"{what} refers to the caller's attribute '{attribute.RefAttrName}' but also holds a {ProtoName(set)} value");
            return;
        }
        if (attribute.Type == AttributeType.Undefined || !Enum.IsDefined(attribute.Type))
        {
            if (context.Model.IrVersion >= 2)
                context.Add(CheckCode.AttributeMalformed, location, $"{what} has type {(int)attribute.Type}, not one of AttributeProto's types");
            return;
        }
        foreach (AttributeType field in SetFields(attribute))
            if (field != attribute.Type)
                context.Add(CheckCode.AttributeMalformed, location, $"{what} is {ProtoName(attribute.Type)} but also holds a {ProtoName(field)} value");
        if (MissingValue(attribute))
            context.Add(CheckCode.AttributeMalformed, location, $"{what} is {ProtoName(attribute.Type)} but holds no value");
    }

    /// <summary>The name onnx.proto gives the type, e.g. <c>SPARSE_TENSORS</c>.</summary>
    public static string ProtoName(AttributeType type) => type switch
    {
        AttributeType.SparseTensor => "SPARSE_TENSOR",
        AttributeType.SparseTensors => "SPARSE_TENSORS",
        AttributeType.TypeProto => "TYPE_PROTO",
        AttributeType.TypeProtos => "TYPE_PROTOS",
        _ => type.ToString().ToUpperInvariant(),
    };

    /// <summary>The value fields that hold something. Zero scalars count as unset, as proto3 cannot tell them apart.</summary>
    private static IEnumerable<AttributeType> SetFields(Attribute a)
    {
        if (a.Float != 0) yield return AttributeType.Float;
        if (a.Int != 0) yield return AttributeType.Int;
        if (a.StringBytes is not null) yield return AttributeType.String;
        if (a.Tensor is not null) yield return AttributeType.Tensor;
        if (a.Graph is not null) yield return AttributeType.Graph;
        if (a.SparseTensor is not null) yield return AttributeType.SparseTensor;
        if (a.TypeValue is not null) yield return AttributeType.TypeProto;
        if (a.Floats.Count > 0) yield return AttributeType.Floats;
        if (a.Ints.Count > 0) yield return AttributeType.Ints;
        if (a.Strings.Count > 0) yield return AttributeType.Strings;
        if (a.Tensors.Count > 0) yield return AttributeType.Tensors;
        if (a.Graphs.Count > 0) yield return AttributeType.Graphs;
        if (a.SparseTensors.Count > 0) yield return AttributeType.SparseTensors;
        if (a.TypeValues.Count > 0) yield return AttributeType.TypeProtos;
    }

    private static bool MissingValue(Attribute a) => a.Type switch
    {
        AttributeType.Tensor => a.Tensor is null,
        AttributeType.Graph => a.Graph is null,
        AttributeType.SparseTensor => a.SparseTensor is null,
        AttributeType.TypeProto => a.TypeValue is null,
        _ => false,
    };
}
