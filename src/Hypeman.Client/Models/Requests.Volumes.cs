using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Body of <c>POST /volumes</c>. Schema <c>CreateVolumeRequest</c>.</summary>
public sealed class CreateVolumeRequest
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("size_gb")] public required long SizeGB { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>Body of <c>POST /instances/{id}/volumes/{volumeId}</c>. Schema <c>AttachVolumeRequest</c>.</summary>
public sealed class AttachVolumeRequest
{
    [JsonPropertyName("mount_path")] public required string MountPath { get; init; }
    [JsonPropertyName("readonly")] public bool? ReadOnly { get; init; }
}
