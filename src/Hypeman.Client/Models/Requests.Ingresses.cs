using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Body of <c>POST /ingresses</c>. Schema <c>CreateIngressRequest</c>.</summary>
public sealed class CreateIngressRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("rules")] public required IReadOnlyList<IngressRule> Rules { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
