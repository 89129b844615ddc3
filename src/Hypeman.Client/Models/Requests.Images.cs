using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Body of <c>POST /images</c>. Schema <c>CreateImageRequest</c>.</summary>
public sealed class CreateImageRequest
{
    /// <summary>OCI reference to pull, e.g. "docker.io/library/nginx:latest".</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Platform as os/arch[/variant], e.g. "linux/amd64"; the host's when null.</summary>
    [JsonPropertyName("platform")] public string? Platform { get; init; }
    [JsonPropertyName("credentials")] public PushCredentials? Credentials { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>Body of <c>POST /pushes</c>. Schema <c>CreatePushRequest</c>.</summary>
public sealed class CreatePushRequest
{
    /// <summary>Hypeman image to push (tag or digest form).</summary>
    [JsonPropertyName("image")] public required string Image { get; init; }

    /// <summary>Full remote reference to push to.</summary>
    [JsonPropertyName("target")] public required string Target { get; init; }
    [JsonPropertyName("insecure")] public bool? Insecure { get; init; }
    [JsonPropertyName("credentials")] public PushCredentials? Credentials { get; init; }
}
