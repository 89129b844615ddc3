using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>A persistent build-cache builder. Schema <c>Builder</c>.</summary>
public sealed class Builder
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The builder's ID under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string BuilderId => Id;

    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("disk_size_gb")] public long DiskSizeGB { get; init; }

    /// <summary>Status as the server sent it (see <see cref="BuilderStatus"/>).</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = value ?? Instance.EmptyMap; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("last_used_at")] public DateTimeOffset? LastUsedAt { get; init; }
    [JsonPropertyName("max_concurrency")] public int MaxConcurrency { get; init; }
    [JsonPropertyName("active_build_id")] public string? ActiveBuildId { get; init; }

    /// <summary>IDs of the builds waiting for this builder, oldest first.</summary>
    [JsonPropertyName("queued_builds")] public IReadOnlyList<string> QueuedBuilds { get => _queued; init => _queued = value ?? []; }

    private IReadOnlyDictionary<string, string> _tags = Instance.EmptyMap;
    private IReadOnlyList<string> _queued = [];

    public override string ToString() => Id;
}

/// <summary>Builder lifecycle statuses (schema <c>BuilderStatus</c>).</summary>
public static class BuilderStatus
{
    public const string Ready = "ready";
    public const string Pruning = "pruning";
    public const string Deleting = "deleting";
    public const string Error = "error";

    /// <summary>Every known status, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Ready, Pruning, Deleting, Error];
}
