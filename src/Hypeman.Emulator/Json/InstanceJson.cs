using System.Text.Json.Nodes;
using Hypeman.Emulator.Formats;
using Hypeman.Emulator.State;

namespace Hypeman.Emulator.Json;

/// <summary>
/// The Instance body as the server builds it: nullable fields (state_error, started_at, stopped_at,
/// network.ip/mac, and in 0.3.0 expires_at and exit_code) are always present; env, tags, volumes and
/// the policies are omitted when empty; sizes use HR() formatting.
/// </summary>
internal static class InstanceJson
{
    public static JsonObject From(InstanceRecord i, StoreState state)
    {
        var json = new JsonObject
        {
            ["id"] = i.Id,
            ["name"] = i.Name,
            ["image"] = i.Image,
        };
        if (!state.IsV020 && i.Platform is not null) json["platform"] = i.Platform;
        json["state"] = i.State;
        json["state_error"] = i.StateError;
        json["size"] = ByteSize.Format(i.SizeBytes);
        json["hotplug_size"] = ByteSize.Format(i.HotplugBytes);
        json["overlay_size"] = ByteSize.Format(i.OverlayBytes);
        json["vcpus"] = i.Vcpus;
        if (i.DiskIoBps > 0) json["disk_io_bps"] = Bandwidth.Format(i.DiskIoBps);
        if (i.Env.Count > 0) json["env"] = Map(i.Env);
        if (!state.IsV020 && i.Tags.Count > 0) json["tags"] = Map(i.Tags);
        json["network"] = Network(i);
        if (i.Volumes.Count > 0) json["volumes"] = new JsonArray(i.Volumes.Select(VolumeMount).ToArray<JsonNode?>());
        json["created_at"] = Timestamps.Precise(i.CreatedAt);
        if (!state.IsV020) json["expires_at"] = Time(i.ExpiresAt);
        json["started_at"] = Time(i.StartedAt);
        json["stopped_at"] = Time(i.StoppedAt);
        if (!state.IsV020) json["exit_code"] = null;
        json["has_snapshot"] = i.HasSnapshot;
        json["hypervisor"] = i.Hypervisor;
        if (state.IsV020) return json;

        AddCopy(json, "snapshot_policy", i.SnapshotPolicy);
        AddCopy(json, "auto_standby", i.AutoStandby);
        AddCopy(json, "health_check", i.HealthCheck);
        if (HealthStatus(i) is { } health) json["health_status"] = health;
        AddCopy(json, "restart_policy", i.RestartPolicy);
        json["phase_durations_ms"] = new JsonObject(i.Phases.Snapshot(state.Now)
            .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        json["current_phase"] = i.Phases.Current;
        json["current_phase_since"] = Timestamps.Precise(i.Phases.Since);
        return json;
    }

    public static JsonArray List(IEnumerable<InstanceRecord> instances, StoreState state) =>
        new(instances.Select(i => (JsonNode?)From(i, state)).ToArray());

    private static JsonObject Network(InstanceRecord i)
    {
        var network = new JsonObject { ["enabled"] = i.NetworkEnabled };
        if (i.NetworkEnabled) network["name"] = "default";
        network["ip"] = i.NetworkEnabled ? i.Ip : null;
        network["mac"] = i.NetworkEnabled ? i.Mac : null;
        if (i.BandwidthDownload > 0) network["bandwidth_download"] = Bandwidth.Format(i.BandwidthDownload);
        if (i.BandwidthUpload > 0) network["bandwidth_upload"] = Bandwidth.Format(i.BandwidthUpload);
        return network;
    }

    private static JsonObject VolumeMount(VolumeMountRecord m)
    {
        var json = new JsonObject { ["volume_id"] = m.VolumeId, ["mount_path"] = m.MountPath, ["readonly"] = m.Readonly };
        if (m.Overlay)
        {
            json["overlay"] = true;
            json["overlay_size"] = ByteSize.Format(m.OverlayBytes);
        }
        return json;
    }

    /// <summary>A workload health report exists only when a health check is configured.</summary>
    private static JsonObject? HealthStatus(InstanceRecord i)
    {
        var type = i.HealthCheck?["type"]?.GetValue<string>() ?? "none";
        if (i.HealthCheck is null || type == "none") return null;
        var status = i.State switch
        {
            InstanceStates.Running => "healthy",
            InstanceStates.Initializing => "starting",
            _ => "unknown",
        };
        return new JsonObject
        {
            ["status"] = status,
            ["consecutive_successes"] = status == "healthy" ? 1 : 0,
            ["consecutive_failures"] = 0,
            ["last_checked_at"] = null,
            ["last_success_at"] = null,
            ["last_failure_at"] = null,
            ["last_error"] = null,
        };
    }

    private static void AddCopy(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null) json[name] = value.DeepClone();
    }

    private static JsonNode? Time(DateTimeOffset? t) => t is { } value ? Timestamps.Precise(value) : null;

    internal static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
