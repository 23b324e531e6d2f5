namespace Onyx.Runtime.Kernels;

/// <summary>
/// Runs one node. A kernel is built once per node when the session is prepared (attributes already read and checked)
/// and is then shared by every run, so it must not keep per-run state.
/// </summary>
internal abstract class Kernel
{
    public abstract void Run(KernelContext context);
}

/// <summary>A kernel written as a function of the context.</summary>
internal sealed class DelegateKernel(Action<KernelContext> run) : Kernel
{
    public override void Run(KernelContext context) => run(context);
}
