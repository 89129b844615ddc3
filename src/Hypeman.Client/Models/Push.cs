using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>A job that pushes an image to a remote registry. Schema <c>Push</c>.</summary>
public sealed class Push
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The push's ID under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string PushId => Id;

    [JsonPropertyName("image")] public string Image { get; init; } = "";
    [JsonPropertyName("digest")] public string Digest { get; init; } = "";
    [JsonPropertyName("target")] public string Target { get; init; } = "";

    /// <summary>Status as the server sent it (see <see cref="PushStatus"/>).</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("queue_position")] public int? QueuePosition { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }

    /// <summary>Number of layers pushed.</summary>
    [JsonPropertyName("layers")] public int? Layers { get; init; }

    /// <summary>Compressed layer bytes pushed.</summary>
    [JsonPropertyName("bytes")] public long? Bytes { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("completed_at")] public DateTimeOffset? CompletedAt { get; init; }

    public override string ToString() => Id;
}

/// <summary>Push job statuses (schema <c>PushStatus</c>).</summary>
public static class PushStatus
{
    public const string Queued = "queued";
    public const string Pushing = "pushing";
    public const string Pushed = "pushed";
    public const string Failed = "failed";

    /// <summary>Every known status, in lifecycle order.</summary>
    public static readonly IReadOnlyList<string> All = [Queued, Pushing, Pushed, Failed];
}

/// <summary>Registry credentials lent to one pull or push; never stored by the server. Schema <c>PushCredentials</c>.</summary>
public sealed class PushCredentials
{
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("password")] public string? Password { get; init; }
    [JsonPropertyName("registry_token")] public string? RegistryToken { get; init; }
}
