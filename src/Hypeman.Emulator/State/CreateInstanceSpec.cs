using System.Text.Json;
using System.Text.Json.Nodes;

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
            Size = Text(body, "size"),
            HotplugSize = Text(body, "hotplug_size"),
            OverlaySize = Text(body, "overlay_size"),
            DiskIoBps = Text(body, "disk_io_bps"),
            Vcpus = body.TryGetProperty("vcpus", out var v) && v.ValueKind == JsonValueKind.Number ? (int)v.GetDouble() : null,
            Env = Map(body, "env"),
            NetworkEnabled = network.ValueKind != JsonValueKind.Object || !network.TryGetProperty("enabled", out var e) || e.ValueKind != JsonValueKind.False,
            BandwidthDownload = network.ValueKind == JsonValueKind.Object ? Text(network, "bandwidth_download") : null,
            BandwidthUpload = network.ValueKind == JsonValueKind.Object ? Text(network, "bandwidth_upload") : null,
            Devices = List(body, "devices") ?? [],
            Volumes = body.TryGetProperty("volumes", out var volumes) && volumes.ValueKind == JsonValueKind.Array
                ? volumes.EnumerateArray().Select(m => new VolumeMountSpec(
                    m.GetProperty("volume_id").GetString()!,
                    m.GetProperty("mount_path").GetString()!,
                    Flag(m, "readonly"),
                    Flag(m, "overlay"),
                    Text(m, "overlay_size"))).ToList()
                : [],
            Hypervisor = Text(body, "hypervisor"),
        };
        if (v020) return spec;
        return spec with
        {
            Platform = Text(body, "platform"),
            Tags = Map(body, "tags"),
            Ttl = Text(body, "ttl"),
            ExpiresAt = Text(body, "expires_at"),
            Entrypoint = List(body, "entrypoint"),
            Cmd = List(body, "cmd"),
            SnapshotPolicy = Node(body, "snapshot_policy"),
            AutoStandby = Node(body, "auto_standby"),
            HealthCheck = Node(body, "health_check"),
            RestartPolicy = Node(body, "restart_policy"),
        };
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static bool Flag(JsonElement o, string name) => o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.True;

    private static IReadOnlyList<string>? List(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(x => x.GetString()!).ToList() : null;

    private static IReadOnlyDictionary<string, string> Map(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();

    private static JsonNode? Node(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object ? JsonNode.Parse(p.GetRawText()) : null;
}
