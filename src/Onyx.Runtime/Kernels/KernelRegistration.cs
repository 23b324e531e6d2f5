namespace Onyx.Runtime.Kernels;

/// <summary>Builds the kernel for one node when the session is prepared; throws <see cref="OnnxRuntimeException"/> for what it cannot run.</summary>
internal delegate Kernel KernelFactory(KernelNode node);

/// <summary>
/// A kernel for the versions of one operator whose since-version lies in [<paramref name="FirstVersion"/>,
/// <paramref name="LastVersion"/>].
/// </summary>
internal sealed record KernelRegistration(string Domain, string OpType, int FirstVersion, int LastVersion, KernelFactory Create)
{
    /// <summary>Every version of <paramref name="opType"/> in the default domain.</summary>
    public static KernelRegistration All(string opType, KernelFactory create) => new("", opType, 1, int.MaxValue, create);

    /// <summary>The versions of <paramref name="opType"/> in the default domain from <paramref name="firstVersion"/> on.</summary>
    public static KernelRegistration From(string opType, int firstVersion, KernelFactory create) => new("", opType, firstVersion, int.MaxValue, create);

    public bool Covers(string domain, string opType, int version) =>
        OperatorDomains.Normalize(domain) == Domain && opType == OpType && version >= FirstVersion && version <= LastVersion;
}
