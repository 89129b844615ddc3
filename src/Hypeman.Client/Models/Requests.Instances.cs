using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Body of <c>POST /instances</c>. Schema <c>CreateInstanceRequest</c>.</summary>
public sealed class CreateInstanceRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("image")] public required string Image { get; init; }
    [JsonPropertyName("platform")] public string? Platform { get; init; }

    /// <summary>Base memory, e.g. "2GB".</summary>
    [JsonPropertyName("size")] public string? Size { get; init; }
    [JsonPropertyName("hotplug_size")] public string? HotplugSize { get; init; }
    [JsonPropertyName("overlay_size")] public string? OverlaySize { get; init; }
    [JsonPropertyName("disk_io_bps")] public string? DiskIoBps { get; init; }
    [JsonPropertyName("vcpus")] public int? Vcpus { get; init; }
    [JsonPropertyName("env")] public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Credential brokering policies keyed by guest-visible environment variable name.</summary>
    [JsonPropertyName("credentials")] public IReadOnlyDictionary<string, CreateInstanceRequestCredential>? Credentials { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Lifetime from creation as a Go duration such as "24h"; exclusive with <see cref="ExpiresAt"/>.</summary>
    [JsonPropertyName("ttl")] public string? Ttl { get; init; }
    [JsonPropertyName("expires_at")] public DateTimeOffset? ExpiresAt { get; init; }
    [JsonPropertyName("network")] public CreateInstanceRequestNetwork? Network { get; init; }

    /// <summary>Device IDs or names to pass through.</summary>
    [JsonPropertyName("devices")] public IReadOnlyList<string>? Devices { get; init; }
    [JsonPropertyName("gpu")] public GPUConfig? Gpu { get; init; }
    [JsonPropertyName("volumes")] public IReadOnlyList<VolumeMount>? Volumes { get; init; }

    /// <summary>Hypervisor backend (see <see cref="HypervisorType"/>); the server's default when null.</summary>
    [JsonPropertyName("hypervisor")] public string? Hypervisor { get; init; }
    [JsonPropertyName("snapshot_policy")] public SnapshotPolicy? SnapshotPolicy { get; init; }
    [JsonPropertyName("auto_standby")] public AutoStandbyPolicy? AutoStandby { get; init; }
    [JsonPropertyName("health_check")] public HealthCheck? HealthCheck { get; init; }
    [JsonPropertyName("restart_policy")] public RestartPolicy? RestartPolicy { get; init; }
    [JsonPropertyName("skip_kernel_headers")] public bool? SkipKernelHeaders { get; init; }
    [JsonPropertyName("skip_guest_agent")] public bool? SkipGuestAgent { get; init; }
    [JsonPropertyName("entrypoint")] public IReadOnlyList<string>? Entrypoint { get; init; }
    [JsonPropertyName("cmd")] public IReadOnlyList<string>? Cmd { get; init; }
}

/// <summary>Network settings at creation (the inline <c>CreateInstanceRequest.network</c> object).</summary>
public sealed class CreateInstanceRequestNetwork
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
    [JsonPropertyName("bandwidth_download")] public string? BandwidthDownload { get; init; }
    [JsonPropertyName("bandwidth_upload")] public string? BandwidthUpload { get; init; }
    [JsonPropertyName("egress")] public CreateInstanceRequestNetworkEgress? Egress { get; init; }
}

/// <summary>Host-mediated outbound network policy. Schema <c>CreateInstanceRequestNetworkEgress</c>.</summary>
public sealed class CreateInstanceRequestNetworkEgress
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
    [JsonPropertyName("enforcement")] public CreateInstanceRequestNetworkEgressEnforcement? Enforcement { get; init; }
}

/// <summary>Egress enforcement policy. Schema <c>CreateInstanceRequestNetworkEgressEnforcement</c>.</summary>
public sealed class CreateInstanceRequestNetworkEgressEnforcement
{
    /// <summary>"all" (the default) or "http_https_only" (see <see cref="EgressEnforcementMode"/>).</summary>
    [JsonPropertyName("mode")] public string? Mode { get; init; }
}

/// <summary>Known values of <c>CreateInstanceRequestNetworkEgressEnforcement.mode</c>.</summary>
public static class EgressEnforcementMode
{
    /// <summary>The value "all": every direct, non-mediated TCP connection is rejected.</summary>
    public const string AllTraffic = "all";
    public const string HttpHttpsOnly = "http_https_only";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [AllTraffic, HttpHttpsOnly];
}

/// <summary>One host-managed credential. Schema <c>CreateInstanceRequestCredential</c>.</summary>
public sealed class CreateInstanceRequestCredential
{
    [JsonPropertyName("source")] public required CreateInstanceRequestCredentialSource Source { get; init; }
    [JsonPropertyName("inject")] public required IReadOnlyList<CreateInstanceRequestCredentialInject> Inject { get; init; }
}

/// <summary>Where a credential's real value comes from. Schema <c>CreateInstanceRequestCredentialSource</c>.</summary>
public sealed class CreateInstanceRequestCredentialSource
{
    /// <summary>Name of the request <c>env</c> entry that holds the real value.</summary>
    [JsonPropertyName("env")] public required string Env { get; init; }
}

/// <summary>Where and how a credential is injected. Schema <c>CreateInstanceRequestCredentialInject</c>.</summary>
public sealed class CreateInstanceRequestCredentialInject
{
    /// <summary>Destination host patterns; null injects on every destination.</summary>
    [JsonPropertyName("hosts")] public IReadOnlyList<string>? Hosts { get; init; }
    [JsonPropertyName("as")] public required CreateInstanceRequestCredentialInjectAs As { get; init; }
}

/// <summary>Header template of an injected credential. Schema <c>CreateInstanceRequestCredentialInjectAs</c>.</summary>
public sealed class CreateInstanceRequestCredentialInjectAs
{
    [JsonPropertyName("header")] public required string Header { get; init; }

    /// <summary>Template that contains <c>${value}</c>, e.g. "Bearer ${value}".</summary>
    [JsonPropertyName("format")] public required string Format { get; init; }
}

/// <summary>Body of <c>PATCH /instances/{id}</c>. Schema <c>UpdateInstanceRequest</c>.</summary>
public sealed class UpdateInstanceRequest
{
    /// <summary>Credential environment values to rotate (merged with the existing ones).</summary>
    [JsonPropertyName("env")] public IReadOnlyDictionary<string, string>? Env { get; init; }
    [JsonPropertyName("auto_standby")] public AutoStandbyPolicy? AutoStandby { get; init; }
    [JsonPropertyName("health_check")] public HealthCheck? HealthCheck { get; init; }
    [JsonPropertyName("restart_policy")] public RestartPolicy? RestartPolicy { get; init; }

    /// <summary>Lifetime from now as a Go duration; "0s" disables expiration.</summary>
    [JsonPropertyName("ttl")] public string? Ttl { get; init; }
    [JsonPropertyName("expires_at")] public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>Body of <c>POST /instances/{id}/start</c> (an inline schema; send an empty one to keep the previous values).</summary>
public sealed class StartInstanceRequest
{
    [JsonPropertyName("entrypoint")] public IReadOnlyList<string>? Entrypoint { get; init; }
    [JsonPropertyName("cmd")] public IReadOnlyList<string>? Cmd { get; init; }
}

/// <summary>Body of <c>POST /instances/{id}/standby</c>. Schema <c>StandbyInstanceRequest</c>.</summary>
public sealed class StandbyInstanceRequest
{
    [JsonPropertyName("compression")] public SnapshotCompressionConfig? Compression { get; init; }

    /// <summary>Delay before compression starts, as a Go duration such as "45s".</summary>
    [JsonPropertyName("compression_delay")] public string? CompressionDelay { get; init; }
}

/// <summary>Body of <c>POST /instances/{id}/fork</c>. Schema <c>ForkInstanceRequest</c>.</summary>
public sealed class ForkInstanceRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("from_running")] public bool? FromRunning { get; init; }

    /// <summary>State of the fork afterwards (see <see cref="ForkTargetState"/>); the source's state when null.</summary>
    [JsonPropertyName("target_state")] public string? TargetState { get; init; }
}
