using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>A source build job. Schema <c>Build</c>.</summary>
public sealed class Build
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The build's ID under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string BuildId => Id;

    /// <summary>Status as the server sent it (see <see cref="BuildStatus"/>).</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = value ?? Instance.EmptyMap; }
    [JsonPropertyName("queue_position")] public int? QueuePosition { get; init; }
    [JsonPropertyName("image_digest")] public string? ImageDigest { get; init; }
    [JsonPropertyName("image_ref")] public string? ImageRef { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("provenance")] public BuildProvenance? Provenance { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("started_at")] public DateTimeOffset? StartedAt { get; init; }
    [JsonPropertyName("completed_at")] public DateTimeOffset? CompletedAt { get; init; }
    [JsonPropertyName("duration_ms")] public long? DurationMs { get; init; }

    /// <summary>The disposable VM that ran the build (never bound as an instance ID).</summary>
    [JsonPropertyName("builder_instance_id")] public string? BuilderInstanceId { get; init; }

    /// <summary>The persistent builder whose cache backed the build.</summary>
    [JsonPropertyName("builder_id")] public string? BuilderId { get; init; }

    private IReadOnlyDictionary<string, string> _tags = Instance.EmptyMap;

    public override string ToString() => Id;
}

/// <summary>Build job statuses (schema <c>BuildStatus</c>).</summary>
public static class BuildStatus
{
    public const string Queued = "queued";
    public const string Building = "building";
    public const string Pushing = "pushing";
    public const string Ready = "ready";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Every known status, in lifecycle order.</summary>
    public static readonly IReadOnlyList<string> All = [Queued, Building, Pushing, Ready, Failed, Cancelled];
}

/// <summary>Limits of a build (not used by any operation: builds take them as form fields). Schema <c>BuildPolicy</c>.</summary>
public sealed class BuildPolicy
{
    [JsonPropertyName("timeout_seconds")] public int? TimeoutSeconds { get; init; }
    [JsonPropertyName("memory_mb")] public int? MemoryMB { get; init; }
    [JsonPropertyName("cpus")] public int? Cpus { get; init; }

    /// <summary>"isolated" or "egress".</summary>
    [JsonPropertyName("network_mode")] public string? NetworkMode { get; init; }
}

/// <summary>What a build was made from. Schema <c>BuildProvenance</c>.</summary>
public sealed class BuildProvenance
{
    [JsonPropertyName("base_image_digest")] public string? BaseImageDigest { get; init; }
    [JsonPropertyName("source_hash")] public string? SourceHash { get; init; }

    /// <summary>SHA-256 of each lockfile, by lockfile name.</summary>
    [JsonPropertyName("lockfile_hashes")] public IReadOnlyDictionary<string, string> LockfileHashes { get => _lockfiles; init => _lockfiles = value ?? Instance.EmptyMap; }
    [JsonPropertyName("buildkit_version")] public string? BuildkitVersion { get; init; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; init; }

    private IReadOnlyDictionary<string, string> _lockfiles = Instance.EmptyMap;
}

/// <summary>One event of the build event stream. Schema <c>BuildEvent</c>.</summary>
public sealed class BuildEvent
{
    /// <summary>"log", "status" or "heartbeat" (see <see cref="BuildEventType"/>).</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("timestamp")] public DateTimeOffset Timestamp { get; init; }

    /// <summary>The log line (log events only).</summary>
    [JsonPropertyName("content")] public string? Content { get; init; }

    /// <summary>The new build status (status events only; see <see cref="BuildStatus"/>).</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }
}

/// <summary>Known values of <c>BuildEvent.type</c>.</summary>
public static class BuildEventType
{
    public const string Log = "log";
    public const string Status = "status";
    public const string Heartbeat = "heartbeat";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Log, Status, Heartbeat];
}
