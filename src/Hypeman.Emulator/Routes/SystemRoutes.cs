using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Hypeman.Emulator.Formats;
using Hypeman.Emulator.Http;
using Hypeman.Emulator.State;

namespace Hypeman.Emulator.Routes;

/// <summary>/health, /capabilities (0.3.0) and /resources.</summary>
internal static class SystemRoutes
{
    private const long CpuCapacity = 16;
    private const long MemoryCapacity = 64 * ByteSize.GB;
    private const long DiskCapacity = 1024 * ByteSize.GB;
    private const long NetworkCapacity = 1_250_000_000; // 10 Gbit/s in bytes per second
    private const long DiskIoCapacity = 2 * ByteSize.GB;

    public static void Register(Router router, ApiVersion version)
    {
        router.Add("GET", "/health", _ => Task.FromResult(ApiResults.Json(200, new JsonObject { ["status"] = "ok" })), requiresAuth: false);
        if (version == ApiVersion.V030) router.Add("GET", "/capabilities", _ => Task.FromResult(ApiResults.Json(200, Capabilities())));
        router.Add("GET", "/resources", request => Task.FromResult(request.Store.Run(state => ApiResults.Json(200, Resources(state)))));
    }

    private static JsonObject Capabilities()
    {
        var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode?)v).ToArray());
        JsonObject Runtime(string name, params string[] features) =>
            new() { ["name"] = name, ["available"] = true, ["features"] = Strings(features) };
        return new JsonObject
        {
            ["server"] = new JsonObject { ["version"] = "emulator", ["api_version"] = "0.3.0" },
            ["host"] = new JsonObject { ["os"] = "linux", ["arch"] = arch },
            ["default_runtime"] = new JsonObject { ["name"] = "cloud-hypervisor", ["available"] = true },
            ["runtimes"] = new JsonArray(
                Runtime("cloud-hypervisor", "snapshots", "standby", "fork", "pause", "hotplug-memory", "balloon-control", "vsock", "gpu-passthrough", "disk-io-limit"),
                Runtime("firecracker", "snapshots", "standby", "fork", "pause", "vsock", "disk-io-limit"),
                Runtime("qemu", "snapshots", "standby", "fork", "pause", "hotplug-memory", "vsock", "gpu-passthrough", "disk-io-limit"),
                Runtime("qemu-microvm", "snapshots", "standby", "fork", "pause", "vsock")),
            ["network"] = new JsonObject
            {
                ["model"] = "bridge", ["gateway"] = "10.100.0.1", ["subnet"] = "10.100.0.0/16", ["guest_to_guest"] = false,
            },
            ["images"] = new JsonObject { ["platforms"] = Strings("linux/" + arch), ["default_platform"] = "linux/" + arch },
            ["features"] = Strings("instances", "images", "builds", "volumes", "ingress", "exec", "logs"),
        };
    }

    private static JsonObject Resources(StoreState state)
    {
        // Allocations are held by instances whose VM exists (booting or running).
        var active = state.Instances.Values
            .Where(i => i.State is InstanceStates.Running or InstanceStates.Initializing or InstanceStates.Created)
            .ToList();
        long VolumeBytes(InstanceRecord i) =>
            i.Volumes.Sum(m => state.Volumes.TryGetValue(m.VolumeId, out var v) ? v.SizeGb * ByteSize.GB : 0);

        var json = new JsonObject
        {
            ["cpu"] = Status("cpu", CpuCapacity, 2.0, active.Sum(i => (long)i.Vcpus)),
            ["memory"] = Status("memory", MemoryCapacity, 1.0, active.Sum(i => i.SizeBytes + i.HotplugBytes)),
            ["disk"] = Status("disk", DiskCapacity, 1.0,
                state.Volumes.Values.Sum(v => v.SizeGb * ByteSize.GB) + state.Instances.Values.Sum(i => i.OverlayBytes)),
            ["network"] = Status("network", NetworkCapacity, 1.0, active.Sum(i => i.BandwidthDownload)),
        };
        if (!state.IsV020) json["disk_io"] = Status("disk_io", DiskIoCapacity, 1.0, active.Sum(i => i.DiskIoBps));
        json["disk_breakdown"] = new JsonObject
        {
            ["images_bytes"] = state.Images.Values.Where(i => i.IsReady(state.Now)).Sum(i => i.SizeBytes),
            ["oci_cache_bytes"] = 0,
            ["volumes_bytes"] = state.Volumes.Values.Sum(v => v.SizeGb * ByteSize.GB),
            ["overlays_bytes"] = state.Instances.Values.Sum(i => i.OverlayBytes),
        };
        json["gpu"] = null;
        json["allocations"] = new JsonArray(active.Select(i =>
        {
            var allocation = new JsonObject
            {
                ["instance_id"] = i.Id,
                ["instance_name"] = i.Name,
                ["cpu"] = i.Vcpus,
                ["memory_bytes"] = i.SizeBytes + i.HotplugBytes,
                ["disk_bytes"] = i.OverlayBytes + VolumeBytes(i),
                ["network_download_bps"] = i.BandwidthDownload,
                ["network_upload_bps"] = i.BandwidthUpload,
            };
            if (!state.IsV020) allocation["disk_io_bps"] = i.DiskIoBps;
            return (JsonNode?)allocation;
        }).ToArray());
        return json;
    }

    private static JsonObject Status(string type, long capacity, double ratio, long allocated)
    {
        var limit = (long)(capacity * ratio);
        return new JsonObject
        {
            ["type"] = type,
            ["capacity"] = capacity,
            ["effective_limit"] = limit,
            ["allocated"] = allocated,
            ["available"] = limit - allocated,
            ["oversub_ratio"] = ratio,
            ["source"] = "detected",
        };
    }
}
