using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>GPU requested at instance creation. Schema <c>GPUConfig</c>.</summary>
public sealed class GPUConfig
{
    /// <summary>vGPU profile name, e.g. "L40S-1Q" (vGPU mode only).</summary>
    [JsonPropertyName("profile")] public string? Profile { get; init; }
}

/// <summary>GPU attached to an instance. Schema <c>InstanceGPU</c>.</summary>
public sealed class InstanceGPU
{
    [JsonPropertyName("profile")] public string? Profile { get; init; }
    [JsonPropertyName("mdev_uuid")] public string? MdevUuid { get; init; }
}

/// <summary>An available vGPU profile. Schema <c>GPUProfile</c>.</summary>
public sealed class GPUProfile
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("framebuffer_mb")] public int FramebufferMB { get; init; }

    /// <summary>How many more instances can be created with this profile.</summary>
    [JsonPropertyName("available")] public int Available { get; init; }

    public override string ToString() => Name;
}

/// <summary>A physical GPU available for passthrough. Schema <c>PassthroughDevice</c>.</summary>
public sealed class PassthroughDevice
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("available")] public bool Available { get; init; }

    public override string ToString() => Name;
}

/// <summary>GPU capacity of the host (absent when the host has no GPU). Schema <c>GPUResourceStatus</c>.</summary>
public sealed class GPUResourceStatus
{
    /// <summary>"vgpu" or "passthrough".</summary>
    [JsonPropertyName("mode")] public string Mode { get; init; } = "";
    [JsonPropertyName("total_slots")] public int TotalSlots { get; init; }
    [JsonPropertyName("used_slots")] public int UsedSlots { get; init; }
    [JsonPropertyName("profiles")] public IReadOnlyList<GPUProfile> Profiles { get => _profiles; init => _profiles = value ?? []; }
    [JsonPropertyName("devices")] public IReadOnlyList<PassthroughDevice> Devices { get => _devices; init => _devices = value ?? []; }

    private IReadOnlyList<GPUProfile> _profiles = [];
    private IReadOnlyList<PassthroughDevice> _devices = [];
}
