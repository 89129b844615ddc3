namespace Hypeman.Emulator.Validation;

/// <summary>The request schemas of the routes the emulator implements, per API version (from the OpenAPI documents).</summary>
internal static class Schemas
{
    private const string NamePattern = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";
    private const string PlatformPattern = "^[a-z0-9]+/[a-z0-9]+(/[a-z0-9.]+)?$";

    public static readonly IReadOnlyList<string> InstanceStatesV030 =
        ["Created", "Initializing", "Running", "Paused", "Shutdown", "Stopped", "Standby", "Unknown"];

    public static readonly IReadOnlyList<string> InstanceStatesV020 =
        ["Created", "Running", "Paused", "Shutdown", "Stopped", "Standby", "Unknown"];

    public static readonly IReadOnlyList<string> HypervisorsV030 = ["cloud-hypervisor", "firecracker", "qemu", "qemu-microvm", "vz"];
    public static readonly IReadOnlyList<string> HypervisorsV020 = ["cloud-hypervisor", "qemu"];

    private static StringSchema Str => new();
    private static BooleanSchema Bool => new();
    private static IntegerSchema Int => new();
    private static ArraySchema Strings => new(new StringSchema());
    private static ObjectSchema StringMap => new() { AdditionalProperties = new StringSchema() };

    public static readonly ObjectSchema Tags = new()
    {
        MaxProperties = 50,
        PropertyNames = new StringSchema("^[A-Za-z0-9 _.:/=+@-]+$") { MinLength = 1, MaxLength = 128 },
        AdditionalProperties = new StringSchema("^[A-Za-z0-9 _.:/=+@-]*$") { MinLength = 0, MaxLength = 256 },
    };

    private static ObjectSchema VolumeMount => new()
    {
        Required = ["volume_id", "mount_path"],
        Properties = new Dictionary<string, Schema>
        {
            ["volume_id"] = Str, ["mount_path"] = Str, ["readonly"] = Bool, ["overlay"] = Bool, ["overlay_size"] = Str,
        },
    };

    private static ObjectSchema CompressionConfig => new()
    {
        Required = ["enabled"],
        Properties = new Dictionary<string, Schema>
        {
            ["enabled"] = Bool,
            ["algorithm"] = new StringSchema { Enum = ["zstd", "lz4"] },
            ["level"] = new IntegerSchema { Minimum = 0, Maximum = 19 },
        },
    };

    private static IntegerSchema Port => new() { Minimum = 1, Maximum = 65535 };

    private static ObjectSchema HealthCheck => new()
    {
        Properties = new Dictionary<string, Schema>
        {
            ["type"] = new StringSchema { Enum = ["none", "http", "tcp", "exec"] },
            ["interval"] = Str, ["timeout"] = Str, ["start_period"] = Str,
            ["failure_threshold"] = new IntegerSchema { Minimum = 1 },
            ["success_threshold"] = new IntegerSchema { Minimum = 1 },
            ["http"] = new ObjectSchema
            {
                Required = ["port"],
                Properties = new Dictionary<string, Schema>
                {
                    ["port"] = Port, ["path"] = Str,
                    ["scheme"] = new StringSchema { Enum = ["http", "https"] },
                    ["expected_status"] = new IntegerSchema { Minimum = 100, Maximum = 599 },
                },
            },
            ["tcp"] = new ObjectSchema { Required = ["port"], Properties = new Dictionary<string, Schema> { ["port"] = Port } },
            ["exec"] = new ObjectSchema
            {
                Required = ["command"],
                Properties = new Dictionary<string, Schema>
                {
                    ["command"] = new ArraySchema(new StringSchema()) { MinItems = 1 }, ["working_dir"] = Str,
                },
            },
        },
    };

    private static ObjectSchema Credential => new()
    {
        Required = ["source", "inject"],
        Properties = new Dictionary<string, Schema>
        {
            ["source"] = new ObjectSchema { Required = ["env"], Properties = new Dictionary<string, Schema> { ["env"] = Str } },
            ["inject"] = new ArraySchema(new ObjectSchema
            {
                Required = ["as"],
                Properties = new Dictionary<string, Schema>
                {
                    ["hosts"] = Strings,
                    ["as"] = new ObjectSchema
                    {
                        Required = ["header", "format"],
                        Properties = new Dictionary<string, Schema> { ["header"] = Str, ["format"] = Str },
                    },
                },
            }) { MinItems = 1 },
        },
    };

    public static readonly ObjectSchema CreateInstanceV030 = new()
    {
        Required = ["name", "image"],
        Properties = new Dictionary<string, Schema>
        {
            ["name"] = new StringSchema(NamePattern) { MaxLength = 63 },
            ["image"] = Str,
            ["platform"] = new StringSchema(PlatformPattern),
            ["size"] = Str, ["hotplug_size"] = Str, ["overlay_size"] = Str, ["disk_io_bps"] = Str,
            ["vcpus"] = Int,
            ["env"] = StringMap,
            ["credentials"] = new ObjectSchema { AdditionalProperties = Credential },
            ["tags"] = Tags,
            ["ttl"] = Str,
            ["expires_at"] = new StringSchema { DateTime = true },
            ["network"] = new ObjectSchema
            {
                Properties = new Dictionary<string, Schema>
                {
                    ["enabled"] = Bool, ["bandwidth_download"] = Str, ["bandwidth_upload"] = Str,
                    ["egress"] = new ObjectSchema
                    {
                        Properties = new Dictionary<string, Schema>
                        {
                            ["enabled"] = Bool,
                            ["enforcement"] = new ObjectSchema
                            {
                                Properties = new Dictionary<string, Schema>
                                {
                                    ["mode"] = new StringSchema { Enum = ["all", "http_https_only"] },
                                },
                            },
                        },
                    },
                },
            },
            ["devices"] = Strings,
            ["gpu"] = new ObjectSchema { Properties = new Dictionary<string, Schema> { ["profile"] = Str } },
            ["volumes"] = new ArraySchema(VolumeMount),
            ["hypervisor"] = new StringSchema { Enum = HypervisorsV030 },
            ["snapshot_policy"] = new ObjectSchema
            {
                Properties = new Dictionary<string, Schema>
                {
                    ["compression"] = CompressionConfig, ["standby_compression_delay"] = Str,
                },
            },
            ["auto_standby"] = new ObjectSchema
            {
                Properties = new Dictionary<string, Schema>
                {
                    ["enabled"] = Bool, ["idle_timeout"] = Str, ["ignore_source_cidrs"] = Strings,
                    ["ignore_destination_ports"] = new ArraySchema(Port),
                },
            },
            ["health_check"] = HealthCheck,
            ["restart_policy"] = new ObjectSchema
            {
                Properties = new Dictionary<string, Schema>
                {
                    ["policy"] = new StringSchema { Enum = ["never", "always", "on_failure"] },
                    ["backoff"] = Str, ["max_attempts"] = new IntegerSchema { Minimum = 0 }, ["stable_after"] = Str,
                },
            },
            ["skip_kernel_headers"] = Bool,
            ["skip_guest_agent"] = Bool,
            ["entrypoint"] = Strings,
            ["cmd"] = Strings,
        },
    };

    public static readonly ObjectSchema CreateInstanceV020 = new()
    {
        Required = ["name", "image"],
        Properties = new Dictionary<string, Schema>
        {
            ["name"] = new StringSchema(NamePattern) { MaxLength = 63 },
            ["image"] = Str,
            ["size"] = Str, ["hotplug_size"] = Str, ["overlay_size"] = Str, ["disk_io_bps"] = Str,
            ["vcpus"] = Int,
            ["env"] = StringMap,
            ["network"] = new ObjectSchema
            {
                Properties = new Dictionary<string, Schema>
                {
                    ["enabled"] = Bool, ["bandwidth_download"] = Str, ["bandwidth_upload"] = Str,
                },
            },
            ["devices"] = Strings,
            ["gpu"] = new ObjectSchema { Properties = new Dictionary<string, Schema> { ["profile"] = Str } },
            ["volumes"] = new ArraySchema(VolumeMount),
            ["hypervisor"] = new StringSchema { Enum = HypervisorsV020 },
        },
    };

    public static readonly ObjectSchema StartInstance = new()
    {
        Properties = new Dictionary<string, Schema> { ["entrypoint"] = Strings, ["cmd"] = Strings },
    };

    public static readonly ObjectSchema StandbyInstance = new()
    {
        Properties = new Dictionary<string, Schema> { ["compression"] = CompressionConfig, ["compression_delay"] = Str },
    };

    public static readonly ObjectSchema AttachVolume = new()
    {
        Required = ["mount_path"],
        Properties = new Dictionary<string, Schema> { ["mount_path"] = Str, ["readonly"] = Bool },
    };

    public static readonly ObjectSchema CreateVolumeV030 = new()
    {
        Required = ["name", "size_gb"],
        Properties = new Dictionary<string, Schema> { ["id"] = Str, ["name"] = Str, ["size_gb"] = Int, ["tags"] = Tags },
    };

    public static readonly ObjectSchema CreateVolumeV020 = new()
    {
        Required = ["name", "size_gb"],
        Properties = new Dictionary<string, Schema> { ["id"] = Str, ["name"] = Str, ["size_gb"] = Int },
    };

    public static readonly ObjectSchema CreateImageV030 = new()
    {
        Required = ["name"],
        Properties = new Dictionary<string, Schema>
        {
            ["name"] = Str,
            ["platform"] = new StringSchema(PlatformPattern),
            ["credentials"] = new ObjectSchema(),
            ["tags"] = Tags,
        },
    };

    public static readonly ObjectSchema CreateImageV020 = new()
    {
        Required = ["name"],
        Properties = new Dictionary<string, Schema> { ["name"] = Str },
    };
}
