using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

/// <summary>Answers of the instance sub-resources: stat, wait, stats, auto-standby.</summary>
public sealed class InstanceOperationModelTests
{
    [Fact]
    public void Path_info_parses()
    {
        var p = Read("""{"exists":true,"is_dir":false,"is_file":true,"is_symlink":false,"link_target":"","mode":420,"size":1024}""",
            HypemanJsonContext.Default.PathInfo);
        Assert.True(p.Exists);
        Assert.False(p.IsDir);
        Assert.True(p.IsFile);
        Assert.Equal("", p.LinkTarget);
        Assert.Equal(420, p.Mode);
        Assert.Equal(1024L, p.Size);
        Assert.Null(p.Error);

        var denied = Read("""{"exists":false,"error":"permission denied"}""", HypemanJsonContext.Default.PathInfo);
        Assert.False(denied.Exists);
        Assert.Null(denied.IsFile);
        Assert.Equal("permission denied", denied.Error);
    }

    [Fact]
    public void Wait_answers_parse_with_unknown_states_kept()
    {
        var done = Read("""{"state":"Running","timed_out":false}""", HypemanJsonContext.Default.WaitForStateResponse);
        Assert.Equal(InstanceState.Running, done.State);
        Assert.False(done.TimedOut);

        var odd = Read("""{"state":"Hibernating","state_error":null,"timed_out":true}""", HypemanJsonContext.Default.WaitForStateResponse);
        Assert.Equal("Hibernating", odd.State);
        Assert.True(odd.TimedOut);

        var unknown = Read("""{"state":"Unknown","state_error":"failed to query VMM: connection refused","timed_out":false}""",
            HypemanJsonContext.Default.WaitForStateResponse);
        Assert.Equal("failed to query VMM: connection refused", unknown.StateError);
    }

    [Fact]
    public void Instance_stats_parse()
    {
        var s = Read("""
            {
              "instance_id": "qilviffnqzck2jrim1x6s2b1", "instance_name": "my-web-server",
              "cpu_seconds": 29.94, "memory_rss_bytes": 443338752, "memory_vms_bytes": 4330745856,
              "network_rx_bytes": 12345678, "network_tx_bytes": 87654321,
              "allocated_vcpus": 2, "allocated_memory_bytes": 4294967296, "memory_utilization_ratio": 0.103
            }
            """, HypemanJsonContext.Default.InstanceStats);
        Assert.Equal("qilviffnqzck2jrim1x6s2b1", s.InstanceId);
        Assert.Equal("my-web-server", s.InstanceName);
        Assert.Equal(29.94, s.CpuSeconds);
        Assert.Equal(443338752L, s.MemoryRssBytes);
        Assert.Equal(4330745856L, s.MemoryVmsBytes);
        Assert.Equal(12345678L, s.NetworkRxBytes);
        Assert.Equal(87654321L, s.NetworkTxBytes);
        Assert.Equal(2, s.AllocatedVcpus);
        Assert.Equal(4294967296L, s.AllocatedMemoryBytes);
        Assert.Equal(0.103, s.MemoryUtilizationRatio);

        var idle = Read("""{"instance_id":"i","instance_name":"n","cpu_seconds":"0.5","memory_rss_bytes":0,"memory_vms_bytes":0,"network_rx_bytes":0,"network_tx_bytes":0,"allocated_vcpus":1,"allocated_memory_bytes":0,"memory_utilization_ratio":null}""",
            HypemanJsonContext.Default.InstanceStats);
        Assert.Equal(0.5, idle.CpuSeconds);
        Assert.Null(idle.MemoryUtilizationRatio);
    }

    [Fact]
    public void Auto_standby_status_parses()
    {
        var a = Read("""
            {
              "supported": true, "configured": true, "enabled": true, "eligible": true,
              "status": "idle_countdown", "reason": "idle_timeout_not_elapsed",
              "active_inbound_connections": 0, "idle_timeout": "5m0s",
              "idle_since": "2026-04-06T17:04:05Z", "last_inbound_activity_at": "2026-04-06T17:01:05Z",
              "next_standby_at": "2026-04-06T17:09:05Z", "hold_until": null,
              "countdown_remaining": "4m0s", "tracking_mode": "conntrack_events_v4_tcp"
            }
            """, HypemanJsonContext.Default.AutoStandbyStatus);
        Assert.True(a.Supported && a.Configured && a.Enabled && a.Eligible);
        Assert.Equal(AutoStandbyState.IdleCountdown, a.Status);
        Assert.Equal(AutoStandbyReason.IdleTimeoutNotElapsed, a.Reason);
        Assert.Equal(0, a.ActiveInboundConnections);
        Assert.Equal("5m0s", a.IdleTimeout);
        Assert.Equal(Utc("2026-04-06T17:04:05Z"), a.IdleSince);
        Assert.Equal(Utc("2026-04-06T17:01:05Z"), a.LastInboundActivityAt);
        Assert.Equal(Utc("2026-04-06T17:09:05Z"), a.NextStandbyAt);
        Assert.Null(a.HoldUntil);
        Assert.Equal("4m0s", a.CountdownRemaining);
        Assert.Equal("conntrack_events_v4_tcp", a.TrackingMode);

        var unsupported = Read("""{"supported":false,"configured":false,"enabled":false,"eligible":false,"status":"unsupported","reason":"unsupported_platform","active_inbound_connections":"0","tracking_mode":"none"}""",
            HypemanJsonContext.Default.AutoStandbyStatus);
        Assert.Equal(AutoStandbyState.Unsupported, unsupported.Status);
        Assert.Null(unsupported.IdleSince);
    }

    [Fact]
    public void A_port_mapping_parses()
    {
        var p = Read("""{"host_port":8080,"guest_port":80,"protocol":"udp"}""", HypemanJsonContext.Default.PortMapping);
        Assert.Equal((8080, 80, "udp"), (p.HostPort, p.GuestPort, p.Protocol));
    }
}
