using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

public sealed class HostModelTests
{
    [Fact]
    public void Capabilities_parse()
    {
        var c = Read("""
            {
              "server": { "version": "76a2fdb3", "api_version": "0.3.0" },
              "host": { "os": "linux", "arch": "amd64" },
              "default_runtime": { "name": "cloud-hypervisor", "available": true },
              "runtimes": [
                { "name": "cloud-hypervisor", "available": true, "features": ["snapshots", "standby", "fork", "hotplug-memory"] },
                { "name": "qemu", "available": false, "features": ["snapshots"] }
              ],
              "network": { "model": "bridge", "gateway": "10.100.0.1", "subnet": "10.100.0.0/16", "guest_to_guest": false },
              "images": { "platforms": ["linux/amd64"], "default_platform": "linux/amd64" },
              "features": ["instances", "images", "builds", "volumes", "ingress", "exec", "logs", "devices"]
            }
            """, HypemanJsonContext.Default.Capabilities);
        Assert.Equal("76a2fdb3", c.Server.Version);
        Assert.Equal("0.3.0", c.Server.ApiVersion);
        Assert.Equal("linux", c.Host.Os);
        Assert.Equal("amd64", c.Host.Arch);
        Assert.Equal(HypervisorType.CloudHypervisor, c.DefaultRuntime.Name);
        Assert.True(c.DefaultRuntime.Available);
        Assert.Equal(2, c.Runtimes.Count);
        Assert.Contains("hotplug-memory", c.Runtimes[0].Features);
        Assert.False(c.Runtimes[1].Available);
        Assert.Equal("bridge", c.Network.Model);
        Assert.Equal("10.100.0.1", c.Network.Gateway);
        Assert.Equal("10.100.0.0/16", c.Network.Subnet);
        Assert.False(c.Network.GuestToGuest);
        Assert.Equal(["linux/amd64"], c.Images.Platforms);
        Assert.Equal("linux/amd64", c.Images.DefaultPlatform);
        Assert.Contains("devices", c.Features);
    }

    [Fact]
    public void Capabilities_missing_their_sections_still_have_non_null_members()
    {
        var c = Read("{}", HypemanJsonContext.Default.Capabilities);
        Assert.NotNull(c.Server);
        Assert.NotNull(c.Host);
        Assert.NotNull(c.DefaultRuntime);
        Assert.NotNull(c.Network);
        Assert.NotNull(c.Images);
        Assert.Empty(c.Runtimes);
        Assert.Empty(c.Features);
        Assert.Empty(c.Images.Platforms);
    }

    [Fact]
    public void Resources_parse()
    {
        var r = Read("""
            {
              "cpu": { "type": "cpu", "capacity": 64, "effective_limit": 128, "allocated": 48, "available": 80, "oversub_ratio": 2.0, "source": "detected" },
              "memory": { "type": "memory", "capacity": 274877906944, "effective_limit": 274877906944, "allocated": 8589934592, "available": 266287972352, "oversub_ratio": 1 },
              "disk": { "type": "disk", "capacity": 1000000000000, "effective_limit": 1000000000000, "allocated": 10737418240, "available": 989262581760, "oversub_ratio": 1.0 },
              "network": { "type": "network", "capacity": 1250000000, "effective_limit": 1250000000, "allocated": 125000000, "available": 1125000000, "oversub_ratio": 1.0, "source": "configured" },
              "disk_io": { "type": "disk_io", "capacity": 2000000000, "effective_limit": 2000000000, "allocated": 104857600, "available": 1895142400, "oversub_ratio": 1.5 },
              "disk_breakdown": { "images_bytes": 214748364800, "oci_cache_bytes": 53687091200, "volumes_bytes": 107374182400, "overlays_bytes": 227633306624 },
              "gpu": {
                "mode": "vgpu", "total_slots": 64, "used_slots": 5,
                "profiles": [ { "name": "L40S-1Q", "framebuffer_mb": 1024, "available": 59 } ]
              },
              "allocations": [
                { "instance_id": "abc123", "instance_name": "my-vm", "cpu": 4, "memory_bytes": 8589934592, "disk_bytes": 10737418240,
                  "network_download_bps": 125000000, "network_upload_bps": 125000000, "disk_io_bps": 104857600 }
              ]
            }
            """, HypemanJsonContext.Default.Resources);
        Assert.Equal(64L, r.Cpu.Capacity);
        Assert.Equal(128L, r.Cpu.EffectiveLimit);
        Assert.Equal(2.0, r.Cpu.OversubRatio);
        Assert.Equal("detected", r.Cpu.Source);
        Assert.Equal(274877906944L, r.Memory.Capacity);
        Assert.Null(r.Memory.Source);
        Assert.Equal(989262581760L, r.Disk.Available);
        Assert.Equal("configured", r.Network.Source);
        Assert.Equal(1.5, r.DiskIo!.OversubRatio);
        Assert.Equal(53687091200L, r.DiskBreakdown!.OciCacheBytes);
        Assert.Equal("vgpu", r.Gpu!.Mode);
        Assert.Equal(5, r.Gpu.UsedSlots);
        Assert.Equal(1024, r.Gpu.Profiles[0].FramebufferMB);
        Assert.Equal(59, r.Gpu.Profiles[0].Available);
        Assert.Empty(r.Gpu.Devices);
        var a = Assert.Single(r.Allocations);
        Assert.Equal("abc123", a.InstanceId);
        Assert.Equal("my-vm", a.InstanceName);
        Assert.Equal(4, a.Cpu);
        Assert.Equal(8589934592L, a.MemoryBytes);
        Assert.Equal(104857600L, a.DiskIoBps);
    }

    [Fact]
    public void Resources_of_a_020_server_without_gpu_or_disk_io_parse()
    {
        var r = Read("""
            {
              "cpu": { "type": "cpu", "capacity": "8", "effective_limit": "8", "allocated": "2", "available": "6", "oversub_ratio": "1.0" },
              "memory": { "type": "memory", "capacity": 1, "effective_limit": 1, "allocated": 0, "available": 1, "oversub_ratio": 1 },
              "disk": { "type": "disk", "capacity": 1, "effective_limit": 1, "allocated": 0, "available": 1, "oversub_ratio": 1 },
              "network": { "type": "network", "capacity": 1, "effective_limit": 1, "allocated": 0, "available": 1, "oversub_ratio": 1 },
              "gpu": null,
              "allocations": []
            }
            """, HypemanJsonContext.Default.Resources);
        Assert.Equal(6L, r.Cpu.Available);
        Assert.Equal(1.0, r.Cpu.OversubRatio);
        Assert.Null(r.Gpu);
        Assert.Null(r.DiskIo);
        Assert.Null(r.DiskBreakdown);
        Assert.Empty(r.Allocations);
    }

    [Fact]
    public void A_passthrough_gpu_status_parses()
    {
        var g = Read("""{"mode":"passthrough","total_slots":2,"used_slots":1,"devices":[{"name":"NVIDIA L40S","available":true},{"name":"NVIDIA L40S","available":false}]}""",
            HypemanJsonContext.Default.GPUResourceStatus);
        Assert.Equal("passthrough", g.Mode);
        Assert.Equal([true, false], g.Devices.Select(d => d.Available));
        Assert.Equal("NVIDIA L40S", g.Devices[0].Name);
        Assert.Empty(g.Profiles);
    }

    [Fact]
    public void A_memory_reclaim_response_parses()
    {
        var m = Read("""
            {
              "requested_reclaim_bytes": 536870912, "planned_reclaim_bytes": 402653184, "applied_reclaim_bytes": 268435456,
              "hold_until": "2026-04-06T17:09:05Z", "host_available_bytes": 17179869184, "host_pressure_state": "pressure",
              "actions": [
                { "instance_id": "i1", "instance_name": "web", "hypervisor": "qemu", "assigned_memory_bytes": 4294967296,
                  "protected_floor_bytes": 1073741824, "previous_target_guest_memory_bytes": 4294967296,
                  "planned_target_guest_memory_bytes": 4026531840, "target_guest_memory_bytes": 4026531840,
                  "applied_reclaim_bytes": 268435456, "status": "applied" },
                { "instance_id": "i2", "instance_name": "db", "hypervisor": "vz", "assigned_memory_bytes": 1, "protected_floor_bytes": 1,
                  "previous_target_guest_memory_bytes": 1, "planned_target_guest_memory_bytes": 1, "target_guest_memory_bytes": 1,
                  "applied_reclaim_bytes": 0, "status": "unsupported", "error": "balloon control not supported" }
              ]
            }
            """, HypemanJsonContext.Default.MemoryReclaimResponse);
        Assert.Equal(536870912L, m.RequestedReclaimBytes);
        Assert.Equal(402653184L, m.PlannedReclaimBytes);
        Assert.Equal(268435456L, m.AppliedReclaimBytes);
        Assert.Equal(Utc("2026-04-06T17:09:05Z"), m.HoldUntil);
        Assert.Equal(17179869184L, m.HostAvailableBytes);
        Assert.Equal("pressure", m.HostPressureState);
        Assert.Equal(2, m.Actions.Count);
        Assert.Equal(HypervisorType.Qemu, m.Actions[0].Hypervisor);
        Assert.Equal(4026531840L, m.Actions[0].PlannedTargetGuestMemoryBytes);
        Assert.Equal(1073741824L, m.Actions[0].ProtectedFloorBytes);
        Assert.Null(m.Actions[0].Error);
        Assert.Equal("balloon control not supported", m.Actions[1].Error);
        Assert.Equal("i2", m.Actions[1].ToString());
    }

    [Fact]
    public void Health_and_errors_parse()
    {
        Assert.Equal("ok", Read("""{"status":"ok"}""", HypemanJsonContext.Default.Health).Status);

        var e = Read("""
            {"code":"invalid_state","message":"invalid state transition: cannot stop from state Stopped, must be Running",
             "details":[{"code":"state","message":"Stopped"}],"inner_error":{"code":"vmm","message":"socket closed"}}
            """, HypemanJsonContext.Default.ApiError);
        Assert.Equal("invalid_state", e.Code);
        Assert.StartsWith("invalid state transition", e.Message);
        Assert.Equal("Stopped", Assert.Single(e.Details).Message);
        Assert.Equal("vmm", e.InnerError!.Code);
        Assert.Empty(Read("""{"code":"Unauthorized","message":"x"}""", HypemanJsonContext.Default.ApiError).Details);
    }
}
