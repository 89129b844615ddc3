using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Body of <c>POST /instances/{id}/snapshots</c>. Schema <c>CreateSnapshotRequest</c>.</summary>
public sealed class CreateSnapshotRequest
{
    /// <summary>Capture kind (see <see cref="SnapshotKind"/>).</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
    [JsonPropertyName("compression")] public SnapshotCompressionConfig? Compression { get; init; }
}

/// <summary>Body of <c>POST /instances/{id}/snapshots/{snapshotId}/restore</c>. Schema <c>RestoreSnapshotRequest</c>.</summary>
public sealed class RestoreSnapshotRequest
{
    /// <summary>State after the restore (see <see cref="SnapshotTargetState"/>); depends on the snapshot kind when null.</summary>
    [JsonPropertyName("target_state")] public string? TargetState { get; init; }

    /// <summary>Hypervisor override (see <see cref="HypervisorType"/>), allowed only for Stopped snapshots.</summary>
    [JsonPropertyName("target_hypervisor")] public string? TargetHypervisor { get; init; }
}

/// <summary>Body of <c>POST /snapshots/{snapshotId}/fork</c>. Schema <c>ForkSnapshotRequest</c>.</summary>
public sealed class ForkSnapshotRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>State of the new instance (see <see cref="SnapshotTargetState"/>); depends on the snapshot kind when null.</summary>
    [JsonPropertyName("target_state")] public string? TargetState { get; init; }

    /// <summary>Hypervisor override (see <see cref="HypervisorType"/>), allowed only for Stopped snapshots.</summary>
    [JsonPropertyName("target_hypervisor")] public string? TargetHypervisor { get; init; }
}

/// <summary>Body of <c>PUT /instances/{id}/snapshot-schedule</c>. Schema <c>SetSnapshotScheduleRequest</c>.</summary>
public sealed class SetSnapshotScheduleRequest
{
    /// <summary>Interval as a Go duration, at least "1m".</summary>
    [JsonPropertyName("interval")] public required string Interval { get; init; }
    [JsonPropertyName("name_prefix")] public string? NamePrefix { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    [JsonPropertyName("retention")] public required SnapshotScheduleRetention Retention { get; init; }
}
