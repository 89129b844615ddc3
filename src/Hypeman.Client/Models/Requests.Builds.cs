using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Body of <c>POST /builders</c>. Schema <c>CreateBuilderRequest</c>.</summary>
public sealed class CreateBuilderRequest
{
    /// <summary>Caller-chosen ID; generated when null.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Cache disk size in GB; the server's default when null.</summary>
    [JsonPropertyName("disk_size_gb")] public long? DiskSizeGB { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
