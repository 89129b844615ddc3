using System.Text.Json;
using System.Text.Json.Nodes;
using Hypeman.Emulator.Json;

namespace Hypeman.Emulator.State;

/// <summary>A volume mount as requested (sizes still text).</summary>
internal sealed record VolumeMountSpec(string VolumeId, string MountPath, bool Readonly, bool Overlay, string? OverlaySize);

/// <summary>A create-instance request after schema validation (from the API body or from a seed file).</summary>
internal sealed record CreateInstanceSpec
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public required string Image { get; init; }
    public string? Platform { get; init; }
    public string? Size { get; init; }
    public string? HotplugSize { get; init; }
    public string? OverlaySize { get; init; }
    public string? DiskIoBps { get; init; }
    public int? Vcpus { get; init; }
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public string? Ttl { get; init; }
    public string? ExpiresAt { get; init; }
    public bool NetworkEnabled { get; init; } = true;
    public string? BandwidthDownload { get; init; }
    public string? BandwidthUpload { get; init; }
    public IReadOnlyList<string> Devices { get; init; } = [];
    public IReadOnlyList<VolumeMountSpec> Volumes { get; init; } = [];
    public string? Hypervisor { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public IReadOnlyList<string>? Cmd { get; init; }
    public JsonNode? SnapshotPolicy { get; init; }
    public JsonNode? AutoStandby { get; init; }
    public JsonNode? HealthCheck { get; init; }
    public JsonNode? RestartPolicy { get; init; }

    /// <summary>Reads a body that already passed the schema; 0.2.0 ignores the fields it does not know.</summary>
    public static CreateInstanceSpec FromJson(JsonElement body, bool v020)
    {
        var network = body.TryGetProperty("network", out var n) ? n : default;
        var spec = new CreateInstanceSpec
        {
            Name = body.GetProperty("name").GetString()!,
            Image = body.GetProperty("image").GetString()!,
            Size = JsonRead.String(body, "size"),
            HotplugSize = JsonRead.String(body, "hotplug_size"),
            OverlaySize = JsonRead.String(body, "overlay_size"),
            DiskIoBps = JsonRead.String(body, "disk_io_bps"),
            Vcpus = body.TryGetProperty("vcpus", out var v) && v.ValueKind == JsonValueKind.Number ? (int)v.GetDouble() : null,
            Env = JsonRead.StringMap(body, "env"),
            NetworkEnabled = network.ValueKind != JsonValueKind.Object || !network.TryGetProperty("enabled", out var e) || e.ValueKind != JsonValueKind.False,
            BandwidthDownload = network.ValueKind == JsonValueKind.Object ? JsonRead.String(network, "bandwidth_download") : null,
            BandwidthUpload = network.ValueKind == JsonValueKind.Object ? JsonRead.String(network, "bandwidth_upload") : null,
            Devices = JsonRead.StringList(body, "devices") ?? [],
            Volumes = body.TryGetProperty("volumes", out var volumes) && volumes.ValueKind == JsonValueKind.Array
                ? volumes.EnumerateArray().Select(m => new VolumeMountSpec(
                    m.GetProperty("volume_id").GetString()!,
                    m.GetProperty("mount_path").GetString()!,
                    JsonRead.Flag(m, "readonly"),
                    JsonRead.Flag(m, "overlay"),
                    JsonRead.String(m, "overlay_size"))).ToList()
                : [],
            Hypervisor = JsonRead.String(body, "hypervisor"),
        };
        if (v020) return spec;
        return spec with
        {
            Platform = JsonRead.String(body, "platform"),
            Tags = JsonRead.StringMap(body, "tags"),
            Ttl = JsonRead.String(body, "ttl"),
            ExpiresAt = JsonRead.String(body, "expires_at"),
            Entrypoint = JsonRead.StringList(body, "entrypoint"),
            Cmd = JsonRead.StringList(body, "cmd"),
            SnapshotPolicy = JsonRead.Object(body, "snapshot_policy"),
            AutoStandby = JsonRead.Object(body, "auto_standby"),
            HealthCheck = JsonRead.Object(body, "health_check"),
            RestartPolicy = JsonRead.Object(body, "restart_policy"),
        };
    }
}
