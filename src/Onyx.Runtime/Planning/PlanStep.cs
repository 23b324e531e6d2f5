using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Planning;

/// <summary>One node of the plan: its kernel, the slots it reads and writes (-1: absent) and the slots free after it.</summary>
internal sealed record PlanStep(KernelNode Node, Kernel Kernel, int[] InputSlots, int[] OutputSlots, int[] ReleasedSlots);
