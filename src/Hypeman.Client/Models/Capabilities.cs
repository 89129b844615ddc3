using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Answer of <c>GET /capabilities</c>. Schema <c>Capabilities</c>.</summary>
public sealed class Capabilities
{
    [JsonPropertyName("server")] public CapabilitiesServer Server { get => _server; init => _server = value ?? new(); }
    [JsonPropertyName("host")] public CapabilitiesHost Host { get => _host; init => _host = value ?? new(); }
    [JsonPropertyName("default_runtime")] public CapabilitiesDefaultRuntime DefaultRuntime { get => _defaultRuntime; init => _defaultRuntime = value ?? new(); }

    /// <summary>Every runtime this server supports on this host, sorted by name.</summary>
    [JsonPropertyName("runtimes")] public IReadOnlyList<CapabilitiesRuntime> Runtimes { get => _runtimes; init => _runtimes = value ?? []; }
    [JsonPropertyName("network")] public CapabilitiesNetwork Network { get => _network; init => _network = value ?? new(); }
    [JsonPropertyName("images")] public CapabilitiesImages Images { get => _images; init => _images = value ?? new(); }

    /// <summary>Server-level feature IDs such as "instances", "volumes" or "devices".</summary>
    [JsonPropertyName("features")] public IReadOnlyList<string> Features { get => _features; init => _features = value ?? []; }

    private CapabilitiesServer _server = new();
    private CapabilitiesHost _host = new();
    private CapabilitiesDefaultRuntime _defaultRuntime = new();
    private IReadOnlyList<CapabilitiesRuntime> _runtimes = [];
    private CapabilitiesNetwork _network = new();
    private CapabilitiesImages _images = new();
    private IReadOnlyList<string> _features = [];
}

/// <summary>Server build and API version. Schema <c>CapabilitiesServer</c>.</summary>
public sealed class CapabilitiesServer
{
    [JsonPropertyName("version")] public string Version { get; init; } = "";

    /// <summary>API contract version, e.g. "0.3.0".</summary>
    [JsonPropertyName("api_version")] public string ApiVersion { get; init; } = "";
}

/// <summary>Host operating system and architecture. Schema <c>CapabilitiesHost</c>.</summary>
public sealed class CapabilitiesHost
{
    [JsonPropertyName("os")] public string Os { get; init; } = "";
    [JsonPropertyName("arch")] public string Arch { get; init; } = "";
}

/// <summary>The runtime used when a launch names none. Schema <c>CapabilitiesDefaultRuntime</c>.</summary>
public sealed class CapabilitiesDefaultRuntime
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("available")] public bool Available { get; init; }

    public override string ToString() => Name;
}

/// <summary>One runtime (hypervisor) and its features on this host. Schema <c>CapabilitiesRuntime</c>.</summary>
public sealed class CapabilitiesRuntime
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("available")] public bool Available { get; init; }

    /// <summary>Runtime feature IDs such as "snapshots", "standby", "fork" or "hotplug-memory".</summary>
    [JsonPropertyName("features")] public IReadOnlyList<string> Features { get => _features; init => _features = value ?? []; }

    private IReadOnlyList<string> _features = [];

    public override string ToString() => Name;
}

/// <summary>Guest networking model of the host. Schema <c>CapabilitiesNetwork</c>.</summary>
public sealed class CapabilitiesNetwork
{
    /// <summary>"bridge" (Linux) or "nat" (macOS).</summary>
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("gateway")] public string? Gateway { get; init; }
    [JsonPropertyName("subnet")] public string? Subnet { get; init; }
    [JsonPropertyName("guest_to_guest")] public bool GuestToGuest { get; init; }
}

/// <summary>Image platforms the host can run. Schema <c>CapabilitiesImages</c>.</summary>
public sealed class CapabilitiesImages
{
    [JsonPropertyName("platforms")] public IReadOnlyList<string> Platforms { get => _platforms; init => _platforms = value ?? []; }
    [JsonPropertyName("default_platform")] public string DefaultPlatform { get; init; } = "";

    private IReadOnlyList<string> _platforms = [];
}
