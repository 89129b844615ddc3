using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>A snapshot of an instance. Schema <c>Snapshot</c>.</summary>
public sealed class Snapshot
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The snapshot's ID under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string SnapshotId => Id;

    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Capture kind as the server sent it (see <see cref="SnapshotKind"/>).</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "";
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = value ?? Instance.EmptyMap; }
    [JsonPropertyName("source_instance_id")] public string SourceInstanceId { get; init; } = "";
    [JsonPropertyName("source_instance_name")] public string SourceInstanceName { get; init; } = "";

    /// <summary>Hypervisor of the source instance (see <see cref="HypervisorType"/>).</summary>
    [JsonPropertyName("source_hypervisor")] public string SourceHypervisor { get; init; } = "";
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("size_bytes")] public long SizeBytes { get; init; }

    /// <summary>Compression status of the memory file (see <see cref="SnapshotCompressionState"/>).</summary>
    [JsonPropertyName("compression_state")] public string? CompressionState { get; init; }
    [JsonPropertyName("compression_error")] public string? CompressionError { get; init; }
    [JsonPropertyName("compression")] public SnapshotCompressionConfig? Compression { get; init; }
    [JsonPropertyName("compressed_size_bytes")] public long? CompressedSizeBytes { get; init; }
    [JsonPropertyName("uncompressed_size_bytes")] public long? UncompressedSizeBytes { get; init; }

    private IReadOnlyDictionary<string, string> _tags = Instance.EmptyMap;

    public override string ToString() => Id;
}

/// <summary>Snapshot capture kinds (schema <c>SnapshotKind</c>).</summary>
public static class SnapshotKind
{
    public const string Standby = "Standby";
    public const string Stopped = "Stopped";

    /// <summary>Every known kind, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Standby, Stopped];
}

/// <summary>States an instance can be left in after a restore or a fork from a snapshot (schema <c>SnapshotTargetState</c>).</summary>
public static class SnapshotTargetState
{
    public const string Stopped = "Stopped";
    public const string Standby = "Standby";
    public const string Running = "Running";

    /// <summary>Every known state, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Stopped, Standby, Running];
}

/// <summary>States a forked instance can be left in (schema <c>ForkTargetState</c>).</summary>
public static class ForkTargetState
{
    public const string Stopped = "Stopped";
    public const string Standby = "Standby";
    public const string Running = "Running";

    /// <summary>Every known state, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Stopped, Standby, Running];
}

/// <summary>Known values of <c>Snapshot.compression_state</c>.</summary>
public static class SnapshotCompressionState
{
    public const string None = "none";
    public const string Compressing = "compressing";
    public const string Compressed = "compressed";
    public const string Error = "error";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [None, Compressing, Compressed, Error];
}

/// <summary>Known values of <c>SnapshotCompressionConfig.algorithm</c>.</summary>
public static class CompressionAlgorithm
{
    public const string Zstd = "zstd";
    public const string Lz4 = "lz4";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Zstd, Lz4];
}

/// <summary>Compression settings of snapshot memory. Schema <c>SnapshotCompressionConfig</c>.</summary>
public sealed class SnapshotCompressionConfig
{
    [JsonPropertyName("enabled")] public bool Enabled { get; init; }

    /// <summary>"zstd" (the default when enabled) or "lz4" (see <see cref="CompressionAlgorithm"/>).</summary>
    [JsonPropertyName("algorithm")] public string? Algorithm { get; init; }
    [JsonPropertyName("level")] public int? Level { get; init; }
}

/// <summary>Snapshot settings of an instance. Schema <c>SnapshotPolicy</c>.</summary>
public sealed class SnapshotPolicy
{
    [JsonPropertyName("compression")] public SnapshotCompressionConfig? Compression { get; init; }

    /// <summary>Delay before standby compression starts, as a Go duration such as "2m".</summary>
    [JsonPropertyName("standby_compression_delay")] public string? StandbyCompressionDelay { get; init; }
}

/// <summary>Cleanup policy of scheduled snapshots. Schema <c>SnapshotScheduleRetention</c>.</summary>
public sealed class SnapshotScheduleRetention
{
    /// <summary>Keep at most this many scheduled snapshots (0 disables count-based cleanup).</summary>
    [JsonPropertyName("max_count")] public int? MaxCount { get; init; }

    /// <summary>Delete scheduled snapshots older than this Go duration, e.g. "168h".</summary>
    [JsonPropertyName("max_age")] public string? MaxAge { get; init; }
}

/// <summary>The periodic snapshot schedule of an instance. Schema <c>SnapshotSchedule</c>.</summary>
public sealed class SnapshotSchedule
{
    [JsonPropertyName("instance_id")] public string InstanceId { get; init; } = "";
    [JsonPropertyName("interval")] public string Interval { get; init; } = "";
    [JsonPropertyName("name_prefix")] public string? NamePrefix { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyDictionary<string, string> Metadata { get => _metadata; init => _metadata = value ?? Instance.EmptyMap; }
    [JsonPropertyName("retention")] public SnapshotScheduleRetention Retention { get => _retention; init => _retention = value ?? new(); }
    [JsonPropertyName("next_run_at")] public DateTimeOffset NextRunAt { get; init; }
    [JsonPropertyName("last_run_at")] public DateTimeOffset? LastRunAt { get; init; }
    [JsonPropertyName("last_snapshot_id")] public string? LastSnapshotId { get; init; }
    [JsonPropertyName("last_error")] public string? LastError { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; init; }

    private IReadOnlyDictionary<string, string> _metadata = Instance.EmptyMap;
    private SnapshotScheduleRetention _retention = new();
}
