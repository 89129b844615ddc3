using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Body of <c>POST /resources/memory/reclaim</c>. Schema <c>MemoryReclaimRequest</c>.</summary>
public sealed class MemoryReclaimRequest
{
    /// <summary>Guest memory to reclaim in total, in bytes.</summary>
    [JsonPropertyName("reclaim_bytes")] public required long ReclaimBytes { get; init; }

    /// <summary>How long the reclaim hold lasts, as a Go duration ("5m" when null).</summary>
    [JsonPropertyName("hold_for")] public string? HoldFor { get; init; }
    [JsonPropertyName("dry_run")] public bool? DryRun { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
}
