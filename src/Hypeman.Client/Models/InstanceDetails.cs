using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Answer of <c>GET /instances/{id}/stat</c>. Schema <c>PathInfo</c>.</summary>
public sealed class PathInfo
{
    [JsonPropertyName("exists")] public bool Exists { get; init; }
    [JsonPropertyName("is_dir")] public bool? IsDir { get; init; }
    [JsonPropertyName("is_file")] public bool? IsFile { get; init; }
    [JsonPropertyName("is_symlink")] public bool? IsSymlink { get; init; }
    [JsonPropertyName("link_target")] public string? LinkTarget { get; init; }

    /// <summary>Permission bits, e.g. 420 (0644).</summary>
    [JsonPropertyName("mode")] public int? Mode { get; init; }
    [JsonPropertyName("size")] public long? Size { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
}

/// <summary>Answer of <c>GET /instances/{id}/wait</c>. Schema <c>WaitForStateResponse</c>.</summary>
public sealed class WaitForStateResponse
{
    /// <summary>State when the wait ended (see <see cref="InstanceState"/>); kept verbatim when unknown.</summary>
    [JsonPropertyName("state")] public string State { get; init; } = "";
    [JsonPropertyName("state_error")] public string? StateError { get; init; }
    [JsonPropertyName("timed_out")] public bool TimedOut { get; init; }
}

/// <summary>Resource utilisation of one instance. Schema <c>InstanceStats</c>.</summary>
public sealed class InstanceStats
{
    [JsonPropertyName("instance_id")] public string InstanceId { get; init; } = "";
    [JsonPropertyName("instance_name")] public string InstanceName { get; init; } = "";
    [JsonPropertyName("cpu_seconds")] public double CpuSeconds { get; init; }
    [JsonPropertyName("memory_rss_bytes")] public long MemoryRssBytes { get; init; }
    [JsonPropertyName("memory_vms_bytes")] public long MemoryVmsBytes { get; init; }
    [JsonPropertyName("network_rx_bytes")] public long NetworkRxBytes { get; init; }
    [JsonPropertyName("network_tx_bytes")] public long NetworkTxBytes { get; init; }
    [JsonPropertyName("allocated_vcpus")] public int AllocatedVcpus { get; init; }
    [JsonPropertyName("allocated_memory_bytes")] public long AllocatedMemoryBytes { get; init; }
    [JsonPropertyName("memory_utilization_ratio")] public double? MemoryUtilizationRatio { get; init; }

    public override string ToString() => InstanceId;
}

/// <summary>A host-to-guest port mapping (not used by any operation yet). Schema <c>PortMapping</c>.</summary>
public sealed class PortMapping
{
    [JsonPropertyName("host_port")] public int HostPort { get; init; }
    [JsonPropertyName("guest_port")] public int GuestPort { get; init; }

    /// <summary>"tcp" (the default) or "udp".</summary>
    [JsonPropertyName("protocol")] public string? Protocol { get; init; }
}
