using System.Text.Json;
using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

public sealed class InstanceModelTests
{
    private const string Instance030 = """
        {
          "id": "tz4a98xxat96iws9zmbrgj3a",
          "name": "web-1",
          "image": "docker.io/library/nginx:latest",
          "platform": "linux/amd64",
          "state": "Running",
          "state_error": null,
          "size": "2.0 GB",
          "hotplug_size": "512.0 MB",
          "overlay_size": "10.0 GB",
          "vcpus": 4,
          "disk_io_bps": "100.0 MB/s",
          "env": { "PORT": "3000", "NODE_ENV": "production" },
          "tags": { "team": "backend", "env": "staging" },
          "network": {
            "enabled": true, "name": "default", "ip": "192.168.100.10", "mac": "02:00:00:ab:cd:ef",
            "bandwidth_download": "125.0 MB/s", "bandwidth_upload": "62.5 MB/s"
          },
          "volumes": [
            { "volume_id": "vol-data-1", "mount_path": "/mnt/data", "readonly": false },
            { "volume_id": "vol-models", "mount_path": "/mnt/models", "readonly": true, "overlay": true, "overlay_size": "1.0 GB" }
          ],
          "gpu": { "profile": "L40S-1Q", "mdev_uuid": "aa618089-8b16-4d01-a136-25a0f3c73123" },
          "created_at": "2025-01-15T10:30:00Z",
          "expires_at": "2026-08-21T18:00:00Z",
          "started_at": "2025-01-15T10:30:05.123456789Z",
          "stopped_at": null,
          "exit_code": null,
          "exit_message": "",
          "has_snapshot": false,
          "hypervisor": "cloud-hypervisor",
          "snapshot_policy": {
            "compression": { "enabled": true, "algorithm": "zstd", "level": 3 },
            "standby_compression_delay": "2m"
          },
          "auto_standby": {
            "enabled": true, "idle_timeout": "5m",
            "ignore_source_cidrs": ["10.0.0.0/8", "192.168.0.0/16"], "ignore_destination_ports": [22, 9000]
          },
          "health_check": {
            "type": "http", "interval": "10s", "timeout": "2s", "start_period": "30s",
            "failure_threshold": 3, "success_threshold": 1,
            "http": { "port": 8080, "path": "/healthz", "scheme": "http", "expected_status": 204 }
          },
          "health_status": {
            "status": "healthy", "consecutive_successes": 4, "consecutive_failures": 0,
            "last_checked_at": "2026-05-16T01:00:00Z", "last_success_at": "2026-05-16T01:00:00Z",
            "last_failure_at": null, "last_error": null
          },
          "restart_policy": { "policy": "on_failure", "backoff": "5s", "max_attempts": 10, "stable_after": "10m" },
          "restart_status": {
            "attempts": 3, "last_attempt_at": "2025-01-15T12:30:00Z", "next_attempt_at": "2025-01-15T12:30:05Z",
            "blocked_reason": "max_attempts_exceeded", "last_reason": "health_check_failed"
          },
          "phase_durations_ms": { "running": 60000, "standby": 300000 },
          "current_phase": "running",
          "current_phase_since": "2026-05-11T14:00:00Z"
        }
        """;

    // A 0.2.0 server: no platform, tags, expires_at or any of the 0.3.0 policy fields; volumes and gpu omitted when empty.
    private const string Instance020 = """
        {
          "id": "qilviffnqzck2jrim1x6s2b1",
          "name": "old-api",
          "image": "docker.io/library/alpine:latest",
          "state": "Stopped",
          "state_error": null,
          "size": "1024.0 MB",
          "hotplug_size": "3.0 GB",
          "overlay_size": "10.0 GB",
          "vcpus": 2,
          "network": { "enabled": false, "name": "", "ip": null, "mac": null },
          "created_at": "2025-01-15T10:30:00Z",
          "started_at": "2025-01-15T10:30:05Z",
          "stopped_at": "2025-01-15T12:30:00Z",
          "has_snapshot": false,
          "hypervisor": "qemu"
        }
        """;

    [Fact]
    public void A_030_instance_parses_with_every_field()
    {
        var i = Read(Instance030, HypemanJsonContext.Default.Instance);

        Assert.Equal("tz4a98xxat96iws9zmbrgj3a", i.Id);
        Assert.Equal(i.Id, i.InstanceId);
        Assert.Equal(i.Id, i.ToString());
        Assert.Equal("web-1", i.Name);
        Assert.Equal("docker.io/library/nginx:latest", i.Image);
        Assert.Equal("linux/amd64", i.Platform);
        Assert.Equal(InstanceState.Running, i.State);
        Assert.Null(i.StateError);
        Assert.Equal(2L << 30, i.MemoryBytes);
        Assert.Equal(512L << 20, i.HotplugMemoryBytes);
        Assert.Equal(4, i.Vcpus);
        Assert.Equal("100.0 MB/s", i.DiskIoBps);
        Assert.Equal("production", i.Env["NODE_ENV"]);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "backend", ["env"] = "staging" }, i.Tags);
        Assert.Equal("192.168.100.10", i.IPAddress);
        Assert.Equal("02:00:00:ab:cd:ef", i.Network!.Mac);
        Assert.Equal("62.5 MB/s", i.Network.BandwidthUpload);
        Assert.Equal(2, i.Volumes.Count);
        Assert.True(i.Volumes[1].Overlay);
        Assert.Equal("1.0 GB", i.Volumes[1].OverlaySize);
        Assert.Equal("aa618089-8b16-4d01-a136-25a0f3c73123", i.Gpu!.MdevUuid);
        Assert.Equal(Utc("2025-01-15T10:30:00Z"), i.CreatedAt);
        Assert.Equal(Utc("2026-08-21T18:00:00Z"), i.ExpiresAt);
        Assert.Equal(Utc("2025-01-15T10:30:05.1234567Z"), i.StartedAt); // nanoseconds from Go are truncated to ticks
        Assert.Null(i.StoppedAt);
        Assert.Null(i.ExitCode);
        Assert.False(i.HasSnapshot);
        Assert.Equal(HypervisorType.CloudHypervisor, i.Hypervisor);

        Assert.True(i.SnapshotPolicy!.Compression!.Enabled);
        Assert.Equal(CompressionAlgorithm.Zstd, i.SnapshotPolicy.Compression.Algorithm);
        Assert.Equal(3, i.SnapshotPolicy.Compression.Level);
        Assert.Equal("2m", i.SnapshotPolicy.StandbyCompressionDelay);

        Assert.True(i.AutoStandby!.Enabled);
        Assert.Equal("5m", i.AutoStandby.IdleTimeout);
        Assert.Equal(["10.0.0.0/8", "192.168.0.0/16"], i.AutoStandby.IgnoreSourceCidrs);
        Assert.Equal([22, 9000], i.AutoStandby.IgnoreDestinationPorts);

        Assert.Equal(HealthCheckType.Http, i.HealthCheck!.Type);
        Assert.Equal("30s", i.HealthCheck.StartPeriod);
        Assert.Equal(3, i.HealthCheck.FailureThreshold);
        Assert.Equal(8080, i.HealthCheck.Http!.Port);
        Assert.Equal("/healthz", i.HealthCheck.Http.Path);
        Assert.Equal(204, i.HealthCheck.Http.ExpectedStatus);
        Assert.Null(i.HealthCheck.Tcp);
        Assert.Null(i.HealthCheck.Exec);

        Assert.Equal(HealthStatus.Healthy, i.HealthStatus!.Status);
        Assert.Equal(4, i.HealthStatus.ConsecutiveSuccesses);
        Assert.Equal(Utc("2026-05-16T01:00:00Z"), i.HealthStatus.LastCheckedAt);
        Assert.Null(i.HealthStatus.LastFailureAt);

        Assert.Equal(RestartPolicyMode.OnFailure, i.RestartPolicy!.Policy);
        Assert.Equal(10, i.RestartPolicy.MaxAttempts);
        Assert.Equal("10m", i.RestartPolicy.StableAfter);
        Assert.Equal(3, i.RestartStatus!.Attempts);
        Assert.Equal(Utc("2025-01-15T12:30:05Z"), i.RestartStatus.NextAttemptAt);
        Assert.Equal("max_attempts_exceeded", i.RestartStatus.BlockedReason);
        Assert.Equal("health_check_failed", i.RestartStatus.LastReason);

        Assert.Equal(60000L, i.PhaseDurationsMs["running"]);
        Assert.Equal(300000L, i.PhaseDurationsMs["standby"]);
        Assert.Equal("running", i.CurrentPhase);
        Assert.Equal(Utc("2026-05-11T14:00:00Z"), i.CurrentPhaseSince);
    }

    [Fact]
    public void A_020_instance_without_expires_at_or_tags_parses()
    {
        var i = Read(Instance020, HypemanJsonContext.Default.Instance);

        Assert.Equal("old-api", i.Name);
        Assert.Equal(InstanceState.Stopped, i.State);
        Assert.Null(i.ExpiresAt);
        Assert.Null(i.Platform);
        Assert.Empty(i.Tags);
        Assert.Empty(i.Env);
        Assert.Empty(i.Volumes);
        Assert.Empty(i.PhaseDurationsMs);
        Assert.Null(i.Gpu);
        Assert.Null(i.HealthCheck);
        Assert.Null(i.IPAddress);
        Assert.Equal(1024L << 20, i.MemoryBytes);
        Assert.Equal(Utc("2025-01-15T12:30:00Z"), i.StoppedAt);
        Assert.Equal(HypervisorType.Qemu, i.Hypervisor);
    }

    [Fact]
    public void An_unknown_state_survives_verbatim()
    {
        var i = Read("""{"id":"a","name":"b","image":"c","state":"Hibernating","created_at":"2025-01-15T10:30:00Z"}""",
            HypemanJsonContext.Default.Instance);
        Assert.Equal("Hibernating", i.State);
        Assert.DoesNotContain(i.State, InstanceState.All);
    }

    [Fact]
    public void Unknown_properties_are_ignored_at_every_level()
    {
        var i = Read("""
            {
              "id": "a", "name": "b", "image": "c", "state": "Running", "created_at": "2025-01-15T10:30:00Z",
              "future_field": { "deep": [1, 2, { "x": null }] },
              "network": { "ip": "10.0.0.2", "ipv6": "fd00::2" },
              "volumes": [ { "volume_id": "v", "mount_path": "/m", "readonly": true, "qos": "gold" } ],
              "health_check": { "type": "grpc", "grpc": { "port": 50051 } }
            }
            """, HypemanJsonContext.Default.Instance);
        Assert.Equal("10.0.0.2", i.IPAddress);
        Assert.Equal("v", Assert.Single(i.Volumes).VolumeId);
        Assert.Equal("grpc", i.HealthCheck!.Type);
    }

    [Fact]
    public void Null_collections_become_empty()
    {
        var i = Read("""
            {"id":"a","name":"b","image":"c","state":"Running","created_at":"2025-01-15T10:30:00Z",
             "env":null,"tags":null,"volumes":null,"phase_durations_ms":null,
             "auto_standby":{"enabled":false,"ignore_source_cidrs":null,"ignore_destination_ports":null},
             "health_check":{"type":"exec","exec":{"command":null}}}
            """, HypemanJsonContext.Default.Instance);
        Assert.Empty(i.Env);
        Assert.Empty(i.Tags);
        Assert.Empty(i.Volumes);
        Assert.Empty(i.PhaseDurationsMs);
        Assert.Empty(i.AutoStandby!.IgnoreSourceCidrs);
        Assert.Empty(i.AutoStandby.IgnoreDestinationPorts);
        Assert.Empty(i.HealthCheck!.Exec!.Command);
    }

    [Fact]
    public void Exec_and_tcp_health_checks_parse()
    {
        var exec = Read("""{"type":"exec","exec":{"command":["curl","-f","http://localhost:4318/"],"working_dir":"/app"}}""",
            HypemanJsonContext.Default.HealthCheck);
        Assert.Equal(HealthCheckType.Exec, exec.Type);
        Assert.Equal(["curl", "-f", "http://localhost:4318/"], exec.Exec!.Command);
        Assert.Equal("/app", exec.Exec.WorkingDir);

        var tcp = Read("""{"type":"tcp","tcp":{"port":5432}}""", HypemanJsonContext.Default.HealthCheck);
        Assert.Equal(5432, tcp.Tcp!.Port);
    }

    [Fact]
    public void Volume_mounts_are_stamped_with_their_instance()
    {
        var i = Read(Instance030, HypemanJsonContext.Default.Instance);
        Assert.All(i.Volumes, mount =>
        {
            Assert.Equal("tz4a98xxat96iws9zmbrgj3a", mount.InstanceId);
            Assert.Equal("web-1", mount.InstanceName);
        });
        Assert.Equal(["vol-data-1", "vol-models"], i.Volumes.Select(v => v.VolumeId));
        Assert.Equal("/mnt/models", i.Volumes[1].MountPath);
        Assert.True(i.Volumes[1].ReadOnly);
    }

    [Fact]
    public void A_list_of_instances_stamps_each_instances_own_mounts()
    {
        var list = Read("""
            [
              {"id":"i1","name":"one","image":"x","state":"Running","created_at":"2025-01-15T10:30:00Z",
               "volumes":[{"volume_id":"v1","mount_path":"/a","readonly":false}]},
              {"id":"i2","name":"two","image":"x","state":"Standby","created_at":"2025-01-15T10:30:00Z",
               "volumes":[{"volume_id":"v2","mount_path":"/b","readonly":true}]}
            ]
            """, HypemanJsonContext.Default.ListInstance);
        Assert.Equal(2, list.Count);
        Assert.Equal(("i1", "one"), (list[0].Volumes[0].InstanceId, list[0].Volumes[0].InstanceName));
        Assert.Equal(("i2", "two"), (list[1].Volumes[0].InstanceId, list[1].Volumes[0].InstanceName));
    }

    [Fact]
    public void Numbers_sent_as_strings_are_accepted()
    {
        var i = Read("""
            {"id":"a","name":"b","image":"c","state":"Running","created_at":"2025-01-15T10:30:00Z",
             "vcpus":"2","exit_code":"137","phase_durations_ms":{"running":"1500"},
             "health_status":{"status":"starting","consecutive_successes":"0","consecutive_failures":"2"}}
            """, HypemanJsonContext.Default.Instance);
        Assert.Equal(2, i.Vcpus);
        Assert.Equal(137, i.ExitCode);
        Assert.Equal(1500L, i.PhaseDurationsMs["running"]);
        Assert.Equal(2, i.HealthStatus!.ConsecutiveFailures);
    }

    [Fact]
    public void Computed_key_properties_are_not_written()
    {
        var i = Read(Instance030, HypemanJsonContext.Default.Instance);
        var names = PropertyNames(Write(i, HypemanJsonContext.Default.Instance));
        Assert.Contains("id", names);
        Assert.Contains("expires_at", names);
        Assert.DoesNotContain(names, n => n is "InstanceId" or "instance_id" or "IPAddress" or "MemoryBytes");
        var mount = Write(i, HypemanJsonContext.Default.Instance).GetProperty("volumes")[0];
        Assert.Equal(["volume_id", "mount_path", "readonly"], PropertyNames(mount));
    }
}
