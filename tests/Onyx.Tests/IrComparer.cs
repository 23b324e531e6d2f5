using System.Collections;
using System.Reflection;

namespace Onyx.Tests;

/// <summary>
/// Semantic equality of IR objects: walks every public property (and the kept unknown fields) of Onyx's model
/// types recursively, comparing tensor payloads by bytes and floats by bits. Returns the path of the first
/// difference, or null when equal.
/// </summary>
internal static class IrComparer
{
    private static readonly string[] InternalMembers = ["UnknownFields", "CaseUnknownFields"];

    public static string? FirstDifference(object? a, object? b, string path = "")
    {
        if (a is null || b is null)
            return a is null && b is null ? null : $"{path}: one side is null ({a ?? "null"} vs {b ?? "null"})";
        if (a.GetType() != b.GetType())
            return $"{path}: {a.GetType().Name} vs {b.GetType().Name}";
        switch (a)
        {
            case string or long or int or bool or Enum:
                return a.Equals(b) ? null : $"{path}: {a} vs {b}";
            case float f:
                return BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits((float)b) ? null : $"{path}: {f} vs {b}";
            case ReadOnlyMemory<byte> m:
                return m.Span.SequenceEqual(((ReadOnlyMemory<byte>)b).Span) ? null : $"{path}: {m.Length} bytes differ from {((ReadOnlyMemory<byte>)b).Length} bytes";
            case byte[] bytes:
                return bytes.AsSpan().SequenceEqual((byte[])b) ? null : $"{path}: bytes differ";
            case long[] longs:
                return longs.AsSpan().SequenceEqual((long[])b) ? null : $"{path}: [{string.Join(",", longs)}] vs [{string.Join(",", (long[])b)}]";
            case IList list:
                var other = (IList)b;
                if (list.Count != other.Count)
                    return $"{path}: {list.Count} items vs {other.Count}";
                for (int i = 0; i < list.Count; i++)
                    if (FirstDifference(list[i], other[i], $"{path}[{i}]") is { } d)
                        return d;
                return null;
        }
        Type type = a.GetType();
        if (type.Namespace != "Onyx")
            throw new InvalidOperationException($"{path}: no comparison for {type.FullName}");
        foreach (PropertyInfo p in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || (!p.GetMethod!.IsPublic && !InternalMembers.Contains(p.Name)))
                continue;
            if (FirstDifference(p.GetValue(a), p.GetValue(b), $"{path}.{p.Name}") is { } d)
                return d;
        }
        return null;
    }

    public static void AssertEqual(object? expected, object? actual)
    {
        if (FirstDifference(expected, actual) is { } difference)
            Assert.Fail("The objects differ at " + difference);
    }
}
