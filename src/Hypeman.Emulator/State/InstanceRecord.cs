using System.Text.Json.Nodes;

namespace Hypeman.Emulator.State;

/// <summary>A volume mounted into an instance (Instance.volumes[]).</summary>
internal sealed record VolumeMountRecord(string VolumeId, string MountPath, bool Readonly, bool Overlay, long OverlayBytes);

/// <summary>One instance. Only touched under the store's lock.</summary>
internal sealed class InstanceRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Image { get; init; }
    public string? Platform { get; init; }
    public string Hypervisor { get; init; } = "cloud-hypervisor";

    public string State { get; private set; } = InstanceStates.Stopped;
    public string? StateError { get; set; }

    /// <summary>While Initializing: when the guest program is considered started.</summary>
    public DateTimeOffset? BootCompletesAt { get; private set; }

    public long SizeBytes { get; init; }
    public long HotplugBytes { get; init; }
    public long OverlayBytes { get; init; }
    public int Vcpus { get; init; }
    public long DiskIoBps { get; init; }
    public long BandwidthDownload { get; init; }
    public long BandwidthUpload { get; init; }
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public bool NetworkEnabled { get; init; }
    public string? Ip { get; set; }
    public string? Mac { get; set; }

    public List<VolumeMountRecord> Volumes { get; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public bool HasSnapshot { get; set; }

    public IReadOnlyList<string>? Entrypoint { get; set; }
    public IReadOnlyList<string>? Cmd { get; set; }

    // Policies are kept as sent and echoed back; the emulator does not act on them.
    public JsonNode? SnapshotPolicy { get; init; }
    public JsonNode? AutoStandby { get; init; }
    public JsonNode? HealthCheck { get; init; }
    public JsonNode? RestartPolicy { get; init; }

    public PhaseTracker Phases { get; } = new();

    /// <summary>
    /// The VM is (being) booted: <paramref name="bootingState"/> (Initializing; 0.2.0 has no such state
    /// and reports Created) for <paramref name="bootDelay"/>, then Running.
    /// </summary>
    public void Boot(DateTimeOffset now, TimeSpan bootDelay, string bootingState)
    {
        StateError = null;
        if (bootDelay > TimeSpan.Zero)
        {
            Enter(bootingState, now);
            BootCompletesAt = now + bootDelay;
        }
        else
        {
            Enter(InstanceStates.Running, now);
        }
    }

    public void Enter(string state, DateTimeOffset at)
    {
        State = state;
        BootCompletesAt = null;
        Phases.Record(state, at);
    }

    /// <summary>Applies what time alone changes: a finished boot becomes Running.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (BootCompletesAt is { } done && now >= done) Enter(InstanceStates.Running, done);
    }
}

/// <summary>The InstanceState values the emulator uses.</summary>
internal static class InstanceStates
{
    public const string Created = "Created";
    public const string Initializing = "Initializing";
    public const string Running = "Running";
    public const string Stopped = "Stopped";
    public const string Standby = "Standby";
    public const string Unknown = "Unknown";
}
