using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>A persistent volume. Schema <c>Volume</c>.</summary>
public sealed class Volume : IJsonOnDeserialized
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The volume's ID under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string VolumeId => Id;

    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("size_gb")] public long SizeGB { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = value ?? Instance.EmptyMap; }

    /// <summary>Where the volume is attached; each entry carries this volume's ID and name.</summary>
    [JsonPropertyName("attachments")] public IReadOnlyList<VolumeAttachment> Attachments { get => _attachments; init => _attachments = value ?? []; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }

    private IReadOnlyDictionary<string, string> _tags = Instance.EmptyMap;
    private IReadOnlyList<VolumeAttachment> _attachments = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        foreach (var attachment in Attachments)
        {
            attachment.VolumeId = Id;
            attachment.VolumeName = Name;
        }
    }

    public override string ToString() => Id;
}

/// <summary>One attachment of a volume to an instance. Schema <c>VolumeAttachment</c>.</summary>
public sealed class VolumeAttachment
{
    /// <summary>The attached volume's ID (filled in by the client, not on the wire).</summary>
    [JsonIgnore] public string? VolumeId { get; internal set; }

    /// <summary>The attached volume's name (filled in by the client, not on the wire).</summary>
    [JsonIgnore] public string? VolumeName { get; internal set; }

    [JsonPropertyName("instance_id")] public string InstanceId { get; init; } = "";
    [JsonPropertyName("mount_path")] public string MountPath { get; init; } = "";
    [JsonPropertyName("readonly")] public bool ReadOnly { get; init; }

    public override string ToString() => $"{VolumeId}@{InstanceId}:{MountPath}";
}
