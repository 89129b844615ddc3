namespace Hypeman;

/// <summary>
/// The hypervisor names the server knows (the inline enum of <c>Instance.hypervisor</c>,
/// <c>CreateInstanceRequest.hypervisor</c>, <c>Snapshot.source_hypervisor</c>, the <c>target_hypervisor</c> fields
/// and <c>MemoryReclaimAction.hypervisor</c>). Models keep hypervisors as strings, so new ones survive.
/// </summary>
public static class HypervisorType
{
    public const string CloudHypervisor = "cloud-hypervisor";
    public const string Firecracker = "firecracker";
    public const string Qemu = "qemu";
    public const string QemuMicrovm = "qemu-microvm";
    public const string Vz = "vz";

    /// <summary>Every known hypervisor, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [CloudHypervisor, Firecracker, Qemu, QemuMicrovm, Vz];
}
