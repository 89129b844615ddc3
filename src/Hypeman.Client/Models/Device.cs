using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>A PCI device registered for passthrough. Schema <c>Device</c>.</summary>
public sealed class Device
{
    /// <summary>Hypeman's identifier of the registered device.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The device's Hypeman ID under the name that pipeline binding looks for.</summary>
    [JsonIgnore] public string DeviceId => Id;

    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>"gpu" or "pci" (see <see cref="DeviceType"/>).</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = value ?? Instance.EmptyMap; }
    [JsonPropertyName("pci_address")] public string PciAddress { get; init; } = "";

    /// <summary>PCI vendor ID (hex), e.g. "10de".</summary>
    [JsonPropertyName("vendor_id")] public string VendorId { get; init; } = "";

    /// <summary>
    /// PCI device ID (hex), e.g. "27b8": the API's <c>device_id</c>. Renamed so that it never binds to
    /// a <c>-DeviceId</c> parameter, which takes the Hypeman ID (<see cref="Id"/>).
    /// </summary>
    [JsonPropertyName("device_id")] public string PciDeviceId { get; init; } = "";
    [JsonPropertyName("iommu_group")] public int IommuGroup { get; init; }
    [JsonPropertyName("bound_to_vfio")] public bool BoundToVfio { get; init; }

    /// <summary>ID of the instance the device is attached to, if any.</summary>
    [JsonPropertyName("attached_to")] public string? AttachedTo { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }

    private IReadOnlyDictionary<string, string> _tags = Instance.EmptyMap;

    public override string ToString() => Id;
}

/// <summary>A passthrough-capable PCI device found on the host. Schema <c>AvailableDevice</c>.</summary>
public sealed class AvailableDevice
{
    [JsonPropertyName("pci_address")] public string PciAddress { get; init; } = "";
    [JsonPropertyName("vendor_id")] public string VendorId { get; init; } = "";

    /// <summary>PCI device ID (hex): the API's <c>device_id</c>, renamed as on <see cref="Device.PciDeviceId"/>.</summary>
    [JsonPropertyName("device_id")] public string PciDeviceId { get; init; } = "";
    [JsonPropertyName("vendor_name")] public string? VendorName { get; init; }
    [JsonPropertyName("device_name")] public string? DeviceName { get; init; }
    [JsonPropertyName("iommu_group")] public int IommuGroup { get; init; }
    [JsonPropertyName("current_driver")] public string? CurrentDriver { get; init; }

    public override string ToString() => PciAddress;
}

/// <summary>Kinds of PCI device (schema <c>DeviceType</c>).</summary>
public static class DeviceType
{
    public const string Gpu = "gpu";
    public const string Pci = "pci";

    /// <summary>Every known type, in the order of the spec.</summary>
    public static readonly IReadOnlyList<string> All = [Gpu, Pci];
}
