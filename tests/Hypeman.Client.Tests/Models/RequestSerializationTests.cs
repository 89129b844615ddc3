using System.Text.Json;
using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

/// <summary>Request bodies: snake_case names as the spec spells them, and nothing for what the caller left out.</summary>
public sealed class RequestSerializationTests
{
    [Fact]
    public void A_minimal_create_instance_request_sends_only_name_and_image()
    {
        var json = Write(new CreateInstanceRequest { Name = "web-1", Image = "docker.io/library/nginx:latest" },
            HypemanJsonContext.Default.CreateInstanceRequest);
        Assert.Equal(["name", "image"], PropertyNames(json));
        Assert.Equal("web-1", json.GetProperty("name").GetString());
    }

    [Fact]
    public void A_full_create_instance_request_uses_the_spec_names()
    {
        var request = new CreateInstanceRequest
        {
            Name = "agent",
            Image = "docker.io/library/python:3.12",
            Platform = "linux/arm64",
            Size = "2GB",
            HotplugSize = "2GB",
            OverlaySize = "20GB",
            DiskIoBps = "100MB/s",
            Vcpus = 4,
            Env = new Dictionary<string, string> { ["OUTBOUND_OPENAI_KEY"] = "sk-real" },
            Credentials = new Dictionary<string, CreateInstanceRequestCredential>
            {
                ["OUTBOUND_OPENAI_KEY"] = new()
                {
                    Source = new() { Env = "OUTBOUND_OPENAI_KEY" },
                    Inject = [new() { Hosts = ["api.openai.com"], As = new() { Header = "Authorization", Format = "Bearer ${value}" } }],
                },
            },
            Tags = new Dictionary<string, string> { ["team"] = "ai" },
            Ttl = "24h",
            Network = new CreateInstanceRequestNetwork
            {
                Enabled = true,
                BandwidthDownload = "1Gbps",
                Egress = new() { Enabled = true, Enforcement = new() { Mode = EgressEnforcementMode.HttpHttpsOnly } },
            },
            Devices = ["l4-gpu"],
            Gpu = new GPUConfig { Profile = "L40S-1Q" },
            Volumes = [new VolumeMount { VolumeId = "vol-1", MountPath = "/data", ReadOnly = true }],
            Hypervisor = HypervisorType.QemuMicrovm,
            SnapshotPolicy = new() { Compression = new() { Enabled = true, Algorithm = CompressionAlgorithm.Zstd }, StandbyCompressionDelay = "30s" },
            AutoStandby = new() { Enabled = true, IdleTimeout = "5m", IgnoreDestinationPorts = [22] },
            HealthCheck = new() { Type = HealthCheckType.Tcp, Tcp = new() { Port = 5432 } },
            RestartPolicy = new() { Policy = RestartPolicyMode.Always },
            SkipKernelHeaders = true,
            SkipGuestAgent = false,
            Entrypoint = ["/bin/sh", "-c"],
            Cmd = ["echo hello"],
        };
        var json = Write(request, HypemanJsonContext.Default.CreateInstanceRequest);

        Assert.Equal(
            ["name", "image", "platform", "size", "hotplug_size", "overlay_size", "disk_io_bps", "vcpus", "env", "credentials", "tags", "ttl",
             "network", "devices", "gpu", "volumes", "hypervisor", "snapshot_policy", "auto_standby", "health_check", "restart_policy",
             "skip_kernel_headers", "skip_guest_agent", "entrypoint", "cmd"],
            PropertyNames(json));
        var credential = json.GetProperty("credentials").GetProperty("OUTBOUND_OPENAI_KEY");
        Assert.Equal("OUTBOUND_OPENAI_KEY", credential.GetProperty("source").GetProperty("env").GetString());
        var inject = credential.GetProperty("inject")[0];
        Assert.Equal("api.openai.com", inject.GetProperty("hosts")[0].GetString());
        Assert.Equal("Bearer ${value}", inject.GetProperty("as").GetProperty("format").GetString());
        var network = json.GetProperty("network");
        Assert.Equal(["enabled", "bandwidth_download", "egress"], PropertyNames(network));
        Assert.Equal("http_https_only", network.GetProperty("egress").GetProperty("enforcement").GetProperty("mode").GetString());
        Assert.Equal(["volume_id", "mount_path", "readonly"], PropertyNames(json.GetProperty("volumes")[0]));
        Assert.Equal("qemu-microvm", json.GetProperty("hypervisor").GetString());
        Assert.Equal(["compression", "standby_compression_delay"], PropertyNames(json.GetProperty("snapshot_policy")));
        Assert.Equal(["enabled", "algorithm"], PropertyNames(json.GetProperty("snapshot_policy").GetProperty("compression")));
        Assert.Equal(22, json.GetProperty("auto_standby").GetProperty("ignore_destination_ports")[0].GetInt32());
        Assert.Equal(["type", "tcp"], PropertyNames(json.GetProperty("health_check")));
        Assert.Equal(["policy"], PropertyNames(json.GetProperty("restart_policy")));
        Assert.Equal(4, json.GetProperty("vcpus").GetInt32());
        Assert.False(json.GetProperty("skip_guest_agent").GetBoolean());
    }

    [Fact]
    public void Update_and_lifecycle_requests_omit_what_was_not_set()
    {
        var update = Write(new UpdateInstanceRequest { ExpiresAt = new DateTimeOffset(2026, 8, 21, 18, 0, 0, TimeSpan.Zero) },
            HypemanJsonContext.Default.UpdateInstanceRequest);
        Assert.Equal(["expires_at"], PropertyNames(update));
        Assert.Equal(new DateTimeOffset(2026, 8, 21, 18, 0, 0, TimeSpan.Zero), update.GetProperty("expires_at").GetDateTimeOffset());

        var rotate = Write(new UpdateInstanceRequest { Env = new Dictionary<string, string> { ["K"] = "v2" }, Ttl = "0s" },
            HypemanJsonContext.Default.UpdateInstanceRequest);
        Assert.Equal(["env", "ttl"], PropertyNames(rotate));

        Assert.Equal("{}", JsonSerializer.Serialize(new StartInstanceRequest(), HypemanJsonContext.Default.StartInstanceRequest));
        Assert.Equal(["cmd"], PropertyNames(Write(new StartInstanceRequest { Cmd = ["sleep", "1"] }, HypemanJsonContext.Default.StartInstanceRequest)));
        Assert.Equal("{}", JsonSerializer.Serialize(new StandbyInstanceRequest(), HypemanJsonContext.Default.StandbyInstanceRequest));
        Assert.Equal(["compression", "compression_delay"], PropertyNames(Write(
            new StandbyInstanceRequest { Compression = new() { Enabled = false }, CompressionDelay = "45s" }, HypemanJsonContext.Default.StandbyInstanceRequest)));

        var fork = Write(new ForkInstanceRequest { Name = "web-fork", FromRunning = true, TargetState = ForkTargetState.Running },
            HypemanJsonContext.Default.ForkInstanceRequest);
        Assert.Equal(["name", "from_running", "target_state"], PropertyNames(fork));
        Assert.Equal(["name"], PropertyNames(Write(new ForkInstanceRequest { Name = "f" }, HypemanJsonContext.Default.ForkInstanceRequest)));
    }

    [Fact]
    public void Snapshot_requests_use_the_spec_names()
    {
        Assert.Equal(["kind"], PropertyNames(Write(new CreateSnapshotRequest { Kind = SnapshotKind.Stopped }, HypemanJsonContext.Default.CreateSnapshotRequest)));
        var create = Write(new CreateSnapshotRequest
        {
            Kind = SnapshotKind.Standby,
            Name = "pre-upgrade",
            Tags = new Dictionary<string, string> { ["a"] = "b" },
            Compression = new() { Enabled = true, Level = 1 },
        }, HypemanJsonContext.Default.CreateSnapshotRequest);
        Assert.Equal(["kind", "name", "tags", "compression"], PropertyNames(create));
        Assert.Equal("Standby", create.GetProperty("kind").GetString());

        Assert.Equal("{}", JsonSerializer.Serialize(new RestoreSnapshotRequest(), HypemanJsonContext.Default.RestoreSnapshotRequest));
        Assert.Equal(["target_state", "target_hypervisor"], PropertyNames(Write(
            new RestoreSnapshotRequest { TargetState = SnapshotTargetState.Stopped, TargetHypervisor = HypervisorType.Qemu },
            HypemanJsonContext.Default.RestoreSnapshotRequest)));
        Assert.Equal(["name", "target_hypervisor"], PropertyNames(Write(
            new ForkSnapshotRequest { Name = "nginx-from-snap", TargetHypervisor = HypervisorType.Firecracker },
            HypemanJsonContext.Default.ForkSnapshotRequest)));

        var schedule = Write(new SetSnapshotScheduleRequest { Interval = "24h", Retention = new() { MaxCount = 7 } },
            HypemanJsonContext.Default.SetSnapshotScheduleRequest);
        Assert.Equal(["interval", "retention"], PropertyNames(schedule));
        Assert.Equal(["max_count"], PropertyNames(schedule.GetProperty("retention")));
        var full = Write(new SetSnapshotScheduleRequest
        {
            Interval = "1h", NamePrefix = "hourly", Metadata = new Dictionary<string, string> { ["k"] = "v" }, Retention = new() { MaxAge = "168h" },
        }, HypemanJsonContext.Default.SetSnapshotScheduleRequest);
        Assert.Equal(["interval", "name_prefix", "metadata", "retention"], PropertyNames(full));
    }

    [Fact]
    public void Resource_requests_use_the_spec_names()
    {
        Assert.Equal(["name"], PropertyNames(Write(new CreateImageRequest { Name = "alpine" }, HypemanJsonContext.Default.CreateImageRequest)));
        var image = Write(new CreateImageRequest
        {
            Name = "ghcr.io/acme/app:1", Platform = "linux/amd64",
            Credentials = new() { Username = "bot", Password = "secret" }, Tags = new Dictionary<string, string> { ["x"] = "y" },
        }, HypemanJsonContext.Default.CreateImageRequest);
        Assert.Equal(["name", "platform", "credentials", "tags"], PropertyNames(image));
        Assert.Equal(["username", "password"], PropertyNames(image.GetProperty("credentials")));

        var push = Write(new CreatePushRequest { Image = "alpine", Target = "reg/app:v1", Credentials = new() { RegistryToken = "t" } },
            HypemanJsonContext.Default.CreatePushRequest);
        Assert.Equal(["image", "target", "credentials"], PropertyNames(push));
        Assert.Equal(["registry_token"], PropertyNames(push.GetProperty("credentials")));

        var ingress = Write(new CreateIngressRequest
        {
            Name = "api",
            Rules = [new IngressRule
            {
                Match = new() { Hostname = "{instance}.example.com" },
                Target = new() { Instance = "{instance}", Port = 8080 },
                Tls = true,
                RequestHeaderAuth = new() { Header = "X-Verify", Value = new string('a', 32) },
            }],
        }, HypemanJsonContext.Default.CreateIngressRequest);
        Assert.Equal(["name", "rules"], PropertyNames(ingress));
        var rule = ingress.GetProperty("rules")[0];
        Assert.Equal(["match", "target", "tls", "request_header_auth"], PropertyNames(rule));
        Assert.Equal(["hostname"], PropertyNames(rule.GetProperty("match")));
        Assert.Equal(["instance", "port"], PropertyNames(rule.GetProperty("target")));

        Assert.Equal(["pci_address"], PropertyNames(Write(new CreateDeviceRequest { PciAddress = "0000:a2:00.0" }, HypemanJsonContext.Default.CreateDeviceRequest)));
        Assert.Equal(["name", "pci_address", "tags"], PropertyNames(Write(
            new CreateDeviceRequest { Name = "l4", PciAddress = "0000:a2:00.0", Tags = new Dictionary<string, string>() }, HypemanJsonContext.Default.CreateDeviceRequest)));

        Assert.Equal("{}", JsonSerializer.Serialize(new CreateBuilderRequest(), HypemanJsonContext.Default.CreateBuilderRequest));
        Assert.Equal(["id", "name", "disk_size_gb"], PropertyNames(Write(
            new CreateBuilderRequest { Id = "team-cache-1", Name = "team-cache", DiskSizeGB = 50 }, HypemanJsonContext.Default.CreateBuilderRequest)));

        Assert.Equal(["name", "size_gb"], PropertyNames(Write(new CreateVolumeRequest { Name = "data", SizeGB = 10 }, HypemanJsonContext.Default.CreateVolumeRequest)));
        Assert.Equal(["mount_path"], PropertyNames(Write(new AttachVolumeRequest { MountPath = "/data" }, HypemanJsonContext.Default.AttachVolumeRequest)));

        var reclaim = Write(new MemoryReclaimRequest { ReclaimBytes = 536870912, DryRun = true }, HypemanJsonContext.Default.MemoryReclaimRequest);
        Assert.Equal(["reclaim_bytes", "dry_run"], PropertyNames(reclaim));
        Assert.Equal(536870912L, reclaim.GetProperty("reclaim_bytes").GetInt64());
    }

    [Fact]
    public void Health_check_http_and_exec_probes_use_the_spec_names()
    {
        var http = Write(new HealthCheck { Type = HealthCheckType.Http, Http = new() { Port = 8080, Path = "/healthz", ExpectedStatus = 200 } },
            HypemanJsonContext.Default.HealthCheck);
        Assert.Equal(["port", "path", "expected_status"], PropertyNames(http.GetProperty("http")));
        var exec = Write(new HealthCheck { Type = HealthCheckType.Exec, Exec = new() { Command = ["true"], WorkingDir = "/" } },
            HypemanJsonContext.Default.HealthCheck);
        Assert.Equal(["command", "working_dir"], PropertyNames(exec.GetProperty("exec")));
    }
}
