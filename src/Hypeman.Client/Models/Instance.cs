using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>A Hypeman instance (a microVM running an OCI image). Schema <c>Instance</c>.</summary>
public sealed class Instance : IJsonOnDeserialized
{
    /// <summary>Auto-generated unique identifier (CUID2).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The instance's ID under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string InstanceId => Id;

    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The name under the name that pipeline binding looks for (as on <see cref="VolumeMount"/>), so cmdlets can say which instance they act on.</summary>
    [JsonIgnore] public string InstanceName => Name;
    [JsonPropertyName("image")] public string Image { get; init; } = "";
    [JsonPropertyName("platform")] public string? Platform { get; init; }

    /// <summary>State as the server sent it (see <see cref="InstanceState"/>); kept verbatim when unknown to this client.</summary>
    [JsonPropertyName("state")] public string State { get; init; } = "";
    [JsonPropertyName("state_error")] public string? StateError { get; init; }

    /// <summary>Base memory as the server formats it, e.g. "1024.0 MB".</summary>
    [JsonPropertyName("size")] public string? Size { get; init; }
    [JsonPropertyName("hotplug_size")] public string? HotplugSize { get; init; }
    [JsonPropertyName("overlay_size")] public string? OverlaySize { get; init; }

    /// <summary>Base memory in bytes, parsed from <see cref="Size"/> (null when absent or unreadable).</summary>
    [JsonIgnore] public long? MemoryBytes => ByteSize.TryParse(Size);
    [JsonIgnore] public long? HotplugMemoryBytes => ByteSize.TryParse(HotplugSize);
    [JsonIgnore] public long? OverlaySizeBytes => ByteSize.TryParse(OverlaySize);

    [JsonPropertyName("vcpus")] public int? Vcpus { get; init; }
    [JsonPropertyName("disk_io_bps")] public string? DiskIoBps { get; init; }

    /// <summary>Environment variables. They can hold secrets, so the default views never show them.</summary>
    [JsonPropertyName("env")] public IReadOnlyDictionary<string, string> Env { get => _env; init => _env = value ?? EmptyMap; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = value ?? EmptyMap; }
    [JsonPropertyName("network")] public InstanceNetwork? Network { get; init; }

    /// <summary>The guest IP address (from <c>network.ip</c>).</summary>
    [JsonIgnore] public string? IPAddress => Network?.Ip;

    /// <summary>Volumes attached to the instance; each entry carries this instance's ID and name.</summary>
    [JsonPropertyName("volumes")] public IReadOnlyList<VolumeMount> Volumes { get => _volumes; init => _volumes = value ?? []; }
    [JsonPropertyName("gpu")] public InstanceGPU? Gpu { get; init; }

    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("expires_at")] public DateTimeOffset? ExpiresAt { get; init; }
    [JsonPropertyName("started_at")] public DateTimeOffset? StartedAt { get; init; }
    [JsonPropertyName("stopped_at")] public DateTimeOffset? StoppedAt { get; init; }
    [JsonPropertyName("exit_code")] public int? ExitCode { get; init; }
    [JsonPropertyName("exit_message")] public string? ExitMessage { get; init; }
    [JsonPropertyName("has_snapshot")] public bool? HasSnapshot { get; init; }
    [JsonPropertyName("hypervisor")] public string? Hypervisor { get; init; }
    [JsonPropertyName("snapshot_policy")] public SnapshotPolicy? SnapshotPolicy { get; init; }
    [JsonPropertyName("auto_standby")] public AutoStandbyPolicy? AutoStandby { get; init; }
    [JsonPropertyName("health_check")] public HealthCheck? HealthCheck { get; init; }
    [JsonPropertyName("health_status")] public InstanceHealthStatus? HealthStatus { get; init; }
    [JsonPropertyName("restart_policy")] public RestartPolicy? RestartPolicy { get; init; }
    [JsonPropertyName("restart_status")] public RestartStatus? RestartStatus { get; init; }
    [JsonPropertyName("phase_durations_ms")] public IReadOnlyDictionary<string, long> PhaseDurationsMs { get => _phases; init => _phases = value ?? EmptyPhases; }
    [JsonPropertyName("current_phase")] public string? CurrentPhase { get; init; }
    [JsonPropertyName("current_phase_since")] public DateTimeOffset? CurrentPhaseSince { get; init; }

    // Collections are never null: the server omits empty ones, and `$i.Volumes | ...` must pipe nothing then.
    private IReadOnlyDictionary<string, string> _env = EmptyMap;
    private IReadOnlyDictionary<string, string> _tags = EmptyMap;
    private IReadOnlyList<VolumeMount> _volumes = [];
    private IReadOnlyDictionary<string, long> _phases = EmptyPhases;
    internal static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<string, long> EmptyPhases = new Dictionary<string, long>();

    void IJsonOnDeserialized.OnDeserialized()
    {
        // The wire VolumeMount only has volume_id; stamp the owner so that a mount piped
        // on its own still says which instance it belongs to.
        foreach (var mount in Volumes)
        {
            mount.InstanceId = Id;
            mount.InstanceName = Name;
        }
    }

    /// <summary>The ID, so that an instance converted to a string still names it.</summary>
    public override string ToString() => Id;
}

/// <summary>Network configuration of an instance (the inline <c>Instance.network</c> object).</summary>
public sealed class InstanceNetwork
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("ip")] public string? Ip { get; init; }
    [JsonPropertyName("mac")] public string? Mac { get; init; }
    [JsonPropertyName("bandwidth_download")] public string? BandwidthDownload { get; init; }
    [JsonPropertyName("bandwidth_upload")] public string? BandwidthUpload { get; init; }
}
