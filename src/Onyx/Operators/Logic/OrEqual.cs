namespace Onyx.Operators;

/// <summary>The body of LessOrEqual and GreaterOrEqual: the strict comparison or Equal.</summary>
internal static class OrEqual
{
    public static FunctionBody Write(string strictComparison, int opset)
    {
        var w = new FunctionBodyWriter(opset);
        w.Output("C", w.Op("Or", w.Op(strictComparison, "A", "B"), w.Op("Equal", "A", "B")));
        return w.ToBody();
    }
}
