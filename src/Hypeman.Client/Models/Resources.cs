using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Answer of <c>GET /resources</c>: host capacity and allocations. Schema <c>Resources</c>.</summary>
public sealed class Resources
{
    [JsonPropertyName("cpu")] public ResourceStatus Cpu { get => _cpu; init => _cpu = value ?? new(); }
    [JsonPropertyName("memory")] public ResourceStatus Memory { get => _memory; init => _memory = value ?? new(); }
    [JsonPropertyName("disk")] public ResourceStatus Disk { get => _disk; init => _disk = value ?? new(); }
    [JsonPropertyName("network")] public ResourceStatus Network { get => _network; init => _network = value ?? new(); }
    [JsonPropertyName("disk_io")] public ResourceStatus? DiskIo { get; init; }
    [JsonPropertyName("disk_breakdown")] public DiskBreakdown? DiskBreakdown { get; init; }
    [JsonPropertyName("gpu")] public GPUResourceStatus? Gpu { get; init; }

    /// <summary>Per-instance allocations; each carries <c>InstanceId</c> and <c>InstanceName</c>.</summary>
    [JsonPropertyName("allocations")] public IReadOnlyList<ResourceAllocation> Allocations { get => _allocations; init => _allocations = value ?? []; }

    private ResourceStatus _cpu = new();
    private ResourceStatus _memory = new();
    private ResourceStatus _disk = new();
    private ResourceStatus _network = new();
    private IReadOnlyList<ResourceAllocation> _allocations = [];
}

/// <summary>Capacity and allocation of one resource type. Schema <c>ResourceStatus</c>.</summary>
public sealed class ResourceStatus
{
    /// <summary>Resource type, e.g. "cpu".</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("capacity")] public long Capacity { get; init; }
    [JsonPropertyName("effective_limit")] public long EffectiveLimit { get; init; }
    [JsonPropertyName("allocated")] public long Allocated { get; init; }
    [JsonPropertyName("available")] public long Available { get; init; }
    [JsonPropertyName("oversub_ratio")] public double OversubRatio { get; init; }

    /// <summary>"detected" or "configured".</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }

    public override string ToString() => Type;
}

/// <summary>Disk use by category. Schema <c>DiskBreakdown</c>.</summary>
public sealed class DiskBreakdown
{
    [JsonPropertyName("images_bytes")] public long? ImagesBytes { get; init; }
    [JsonPropertyName("oci_cache_bytes")] public long? OciCacheBytes { get; init; }
    [JsonPropertyName("volumes_bytes")] public long? VolumesBytes { get; init; }
    [JsonPropertyName("overlays_bytes")] public long? OverlaysBytes { get; init; }
}

/// <summary>Resources allocated to one instance. Schema <c>ResourceAllocation</c>.</summary>
public sealed class ResourceAllocation
{
    [JsonPropertyName("instance_id")] public string? InstanceId { get; init; }
    [JsonPropertyName("instance_name")] public string? InstanceName { get; init; }
    [JsonPropertyName("cpu")] public int? Cpu { get; init; }
    [JsonPropertyName("memory_bytes")] public long? MemoryBytes { get; init; }
    [JsonPropertyName("disk_bytes")] public long? DiskBytes { get; init; }
    [JsonPropertyName("network_download_bps")] public long? NetworkDownloadBps { get; init; }
    [JsonPropertyName("network_upload_bps")] public long? NetworkUploadBps { get; init; }
    [JsonPropertyName("disk_io_bps")] public long? DiskIoBps { get; init; }

    public override string ToString() => InstanceId ?? "";
}

/// <summary>Answer of <c>POST /resources/memory/reclaim</c>. Schema <c>MemoryReclaimResponse</c>.</summary>
public sealed class MemoryReclaimResponse
{
    [JsonPropertyName("requested_reclaim_bytes")] public long RequestedReclaimBytes { get; init; }
    [JsonPropertyName("planned_reclaim_bytes")] public long PlannedReclaimBytes { get; init; }
    [JsonPropertyName("applied_reclaim_bytes")] public long AppliedReclaimBytes { get; init; }
    [JsonPropertyName("hold_until")] public DateTimeOffset? HoldUntil { get; init; }
    [JsonPropertyName("host_available_bytes")] public long HostAvailableBytes { get; init; }

    /// <summary>"healthy" or "pressure".</summary>
    [JsonPropertyName("host_pressure_state")] public string HostPressureState { get; init; } = "";
    [JsonPropertyName("actions")] public IReadOnlyList<MemoryReclaimAction> Actions { get => _actions; init => _actions = value ?? []; }

    private IReadOnlyList<MemoryReclaimAction> _actions = [];
}

/// <summary>The reclaim step of one instance. Schema <c>MemoryReclaimAction</c>.</summary>
public sealed class MemoryReclaimAction
{
    [JsonPropertyName("instance_id")] public string InstanceId { get; init; } = "";
    [JsonPropertyName("instance_name")] public string InstanceName { get; init; } = "";

    /// <summary>See <see cref="HypervisorType"/>.</summary>
    [JsonPropertyName("hypervisor")] public string Hypervisor { get; init; } = "";
    [JsonPropertyName("assigned_memory_bytes")] public long AssignedMemoryBytes { get; init; }
    [JsonPropertyName("protected_floor_bytes")] public long ProtectedFloorBytes { get; init; }
    [JsonPropertyName("previous_target_guest_memory_bytes")] public long PreviousTargetGuestMemoryBytes { get; init; }
    [JsonPropertyName("planned_target_guest_memory_bytes")] public long PlannedTargetGuestMemoryBytes { get; init; }
    [JsonPropertyName("target_guest_memory_bytes")] public long TargetGuestMemoryBytes { get; init; }
    [JsonPropertyName("applied_reclaim_bytes")] public long AppliedReclaimBytes { get; init; }

    /// <summary>Result of this step, e.g. "applied".</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("error")] public string? Error { get; init; }

    public override string ToString() => InstanceId;
}
