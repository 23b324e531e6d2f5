namespace Onyx;

/// <summary>The kind of value an attribute holds, numbered as <c>AttributeProto.AttributeType</c>.</summary>
public enum AttributeType
{
    /// <summary>Not set.</summary>
    Undefined = 0,
    /// <summary>One float.</summary>
    Float = 1,
    /// <summary>One 64-bit integer.</summary>
    Int = 2,
    /// <summary>One byte string (UTF-8 by convention).</summary>
    String = 3,
    /// <summary>One tensor.</summary>
    Tensor = 4,
    /// <summary>One graph (a subgraph, e.g. a Loop body).</summary>
    Graph = 5,
    /// <summary>A list of floats.</summary>
    Floats = 6,
    /// <summary>A list of 64-bit integers.</summary>
    Ints = 7,
    /// <summary>A list of byte strings.</summary>
    Strings = 8,
    /// <summary>A list of tensors.</summary>
    Tensors = 9,
    /// <summary>A list of graphs.</summary>
    Graphs = 10,
    /// <summary>One sparse tensor.</summary>
    SparseTensor = 11,
    /// <summary>A list of sparse tensors.</summary>
    SparseTensors = 12,
    /// <summary>One type.</summary>
    TypeProto = 13,
    /// <summary>A list of types.</summary>
    TypeProtos = 14,
}
