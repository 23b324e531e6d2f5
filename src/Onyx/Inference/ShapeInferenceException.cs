namespace Onyx;

/// <summary>Shape and type inference found a node whose inputs, attributes or declared types are inconsistent.</summary>
public sealed class ShapeInferenceException : OnyxException
{
    /// <summary>Creates the exception for a problem at <paramref name="location"/>.</summary>
    public ShapeInferenceException(NodeLocation location, string problem) : base($"{location}: {problem}")
    {
        Location = location;
        Problem = problem;
    }

    /// <summary>Where the problem is.</summary>
    public NodeLocation Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
