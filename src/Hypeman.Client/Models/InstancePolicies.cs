using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Automatic standby policy of an instance. Schema <c>AutoStandbyPolicy</c>.</summary>
public sealed class AutoStandbyPolicy
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }

    /// <summary>Idle time (a Go duration such as "5m") before the instance is put into standby.</summary>
    [JsonPropertyName("idle_timeout")] public string? IdleTimeout { get; init; }
    [JsonPropertyName("ignore_source_cidrs")] public IReadOnlyList<string> IgnoreSourceCidrs { get => _cidrs; init => _cidrs = value ?? []; }
    [JsonPropertyName("ignore_destination_ports")] public IReadOnlyList<int> IgnoreDestinationPorts { get => _ports; init => _ports = value ?? []; }

    private IReadOnlyList<string> _cidrs = [];
    private IReadOnlyList<int> _ports = [];
}

/// <summary>Auto-standby diagnostics of an instance. Schema <c>AutoStandbyStatus</c>.</summary>
public sealed class AutoStandbyStatus
{
    [JsonPropertyName("supported")] public bool Supported { get; init; }
    [JsonPropertyName("configured")] public bool Configured { get; init; }
    [JsonPropertyName("enabled")] public bool Enabled { get; init; }
    [JsonPropertyName("eligible")] public bool Eligible { get; init; }

    /// <summary>Controller status as the server sent it (see <see cref="AutoStandbyState"/>).</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";

    /// <summary>Why the controller is in that status (see <see cref="AutoStandbyReason"/>).</summary>
    [JsonPropertyName("reason")] public string Reason { get; init; } = "";
    [JsonPropertyName("active_inbound_connections")] public int ActiveInboundConnections { get; init; }
    [JsonPropertyName("idle_timeout")] public string? IdleTimeout { get; init; }
    [JsonPropertyName("idle_since")] public DateTimeOffset? IdleSince { get; init; }
    [JsonPropertyName("last_inbound_activity_at")] public DateTimeOffset? LastInboundActivityAt { get; init; }
    [JsonPropertyName("next_standby_at")] public DateTimeOffset? NextStandbyAt { get; init; }
    [JsonPropertyName("hold_until")] public DateTimeOffset? HoldUntil { get; init; }
    [JsonPropertyName("countdown_remaining")] public string? CountdownRemaining { get; init; }
    [JsonPropertyName("tracking_mode")] public string TrackingMode { get; init; } = "";
}

/// <summary>Known values of <c>AutoStandbyStatus.status</c>.</summary>
public static class AutoStandbyState
{
    public const string Unsupported = "unsupported";
    public const string Disabled = "disabled";
    public const string Ineligible = "ineligible";
    public const string Active = "active";
    public const string IdleCountdown = "idle_countdown";
    public const string ReadyForStandby = "ready_for_standby";
    public const string StandbyRequested = "standby_requested";
    public const string Error = "error";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All =
        [Unsupported, Disabled, Ineligible, Active, IdleCountdown, ReadyForStandby, StandbyRequested, Error];
}

/// <summary>Known values of <c>AutoStandbyStatus.reason</c>.</summary>
public static class AutoStandbyReason
{
    public const string UnsupportedPlatform = "unsupported_platform";
    public const string PolicyMissing = "policy_missing";
    public const string PolicyDisabled = "policy_disabled";
    public const string InstanceNotRunning = "instance_not_running";
    public const string NetworkDisabled = "network_disabled";
    public const string MissingIp = "missing_ip";
    public const string HasVgpu = "has_vgpu";
    public const string ActiveInboundConnections = "active_inbound_connections";
    public const string IdleTimeoutNotElapsed = "idle_timeout_not_elapsed";
    public const string ObserverError = "observer_error";
    public const string ReadyForStandby = "ready_for_standby";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        UnsupportedPlatform, PolicyMissing, PolicyDisabled, InstanceNotRunning, NetworkDisabled, MissingIp,
        HasVgpu, ActiveInboundConnections, IdleTimeoutNotElapsed, ObserverError, ReadyForStandby,
    ];
}

/// <summary>Workload health check policy. Schema <c>HealthCheck</c>.</summary>
public sealed class HealthCheck
{
    /// <summary>Probe type (see <see cref="HealthCheckType"/>); absent or "none" disables checks.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("interval")] public string? Interval { get; init; }
    [JsonPropertyName("timeout")] public string? Timeout { get; init; }
    [JsonPropertyName("start_period")] public string? StartPeriod { get; init; }
    [JsonPropertyName("failure_threshold")] public int? FailureThreshold { get; init; }
    [JsonPropertyName("success_threshold")] public int? SuccessThreshold { get; init; }
    [JsonPropertyName("http")] public HealthCheckHTTP? Http { get; init; }
    [JsonPropertyName("tcp")] public HealthCheckTCP? Tcp { get; init; }
    [JsonPropertyName("exec")] public HealthCheckExec? Exec { get; init; }
}

/// <summary>Known values of <c>HealthCheck.type</c>.</summary>
public static class HealthCheckType
{
    public const string None = "none";
    public const string Http = "http";
    public const string Tcp = "tcp";
    public const string Exec = "exec";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [None, Http, Tcp, Exec];
}

/// <summary>HTTP probe of a health check. Schema <c>HealthCheckHTTP</c>.</summary>
public sealed class HealthCheckHTTP
{
    [JsonPropertyName("port")] public int Port { get; init; }
    [JsonPropertyName("path")] public string? Path { get; init; }

    /// <summary>"http" or "https".</summary>
    [JsonPropertyName("scheme")] public string? Scheme { get; init; }
    [JsonPropertyName("expected_status")] public int? ExpectedStatus { get; init; }
}

/// <summary>TCP probe of a health check. Schema <c>HealthCheckTCP</c>.</summary>
public sealed class HealthCheckTCP
{
    [JsonPropertyName("port")] public int Port { get; init; }
}

/// <summary>Command probe of a health check, run in the guest. Schema <c>HealthCheckExec</c>.</summary>
public sealed class HealthCheckExec
{
    [JsonPropertyName("command")] public IReadOnlyList<string> Command { get => _command; init => _command = value ?? []; }
    [JsonPropertyName("working_dir")] public string? WorkingDir { get; init; }

    private IReadOnlyList<string> _command = [];
}

/// <summary>Current workload health of an instance. Schema <c>InstanceHealthStatus</c>.</summary>
public sealed class InstanceHealthStatus
{
    /// <summary>Health as the server sent it (see <see cref="HealthStatus"/>).</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("consecutive_successes")] public int ConsecutiveSuccesses { get; init; }
    [JsonPropertyName("consecutive_failures")] public int ConsecutiveFailures { get; init; }
    [JsonPropertyName("last_checked_at")] public DateTimeOffset? LastCheckedAt { get; init; }
    [JsonPropertyName("last_success_at")] public DateTimeOffset? LastSuccessAt { get; init; }
    [JsonPropertyName("last_failure_at")] public DateTimeOffset? LastFailureAt { get; init; }
    [JsonPropertyName("last_error")] public string? LastError { get; init; }

    public override string ToString() => Status;
}

/// <summary>Known values of <c>InstanceHealthStatus.status</c>.</summary>
public static class HealthStatus
{
    public const string Disabled = "disabled";
    public const string Starting = "starting";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string Unknown = "unknown";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Disabled, Starting, Healthy, Unhealthy, Unknown];
}

/// <summary>Whole-instance restart policy. Schema <c>RestartPolicy</c>.</summary>
public sealed class RestartPolicy
{
    /// <summary>When to restart (see <see cref="RestartPolicyMode"/>).</summary>
    [JsonPropertyName("policy")] public string? Policy { get; init; }
    [JsonPropertyName("backoff")] public string? Backoff { get; init; }
    [JsonPropertyName("max_attempts")] public int? MaxAttempts { get; init; }
    [JsonPropertyName("stable_after")] public string? StableAfter { get; init; }
}

/// <summary>Known values of <c>RestartPolicy.policy</c>.</summary>
public static class RestartPolicyMode
{
    public const string Never = "never";
    public const string Always = "always";
    public const string OnFailure = "on_failure";

    /// <summary>Every known value, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Never, Always, OnFailure];
}

/// <summary>Runtime state of the restart supervisor. Schema <c>RestartStatus</c>.</summary>
public sealed class RestartStatus
{
    [JsonPropertyName("attempts")] public int? Attempts { get; init; }
    [JsonPropertyName("last_attempt_at")] public DateTimeOffset? LastAttemptAt { get; init; }
    [JsonPropertyName("next_attempt_at")] public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>"manual_stop" or "max_attempts_exceeded" while restarts are blocked.</summary>
    [JsonPropertyName("blocked_reason")] public string? BlockedReason { get; init; }

    /// <summary>Most recent non-exit failure signal, e.g. "health_check_failed".</summary>
    [JsonPropertyName("last_reason")] public string? LastReason { get; init; }
}
