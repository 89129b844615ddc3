using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>A volume mounted in an instance. Schema <c>VolumeMount</c>; also the create-time mount request.</summary>
public sealed class VolumeMount
{
    /// <summary>The ID of the instance this mount belongs to (filled in by the client, not on the wire).</summary>
    [JsonIgnore] public string? InstanceId { get; internal set; }

    /// <summary>The name of the instance this mount belongs to (filled in by the client, not on the wire).</summary>
    [JsonIgnore] public string? InstanceName { get; internal set; }

    [JsonPropertyName("volume_id")] public string VolumeId { get; init; } = "";
    [JsonPropertyName("mount_path")] public string MountPath { get; init; } = "";
    [JsonPropertyName("readonly")] public bool? ReadOnly { get; init; }
    [JsonPropertyName("overlay")] public bool? Overlay { get; init; }
    [JsonPropertyName("overlay_size")] public string? OverlaySize { get; init; }

    public override string ToString() => $"{VolumeId}:{MountPath}";
}
