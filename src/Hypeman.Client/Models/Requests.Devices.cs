using System.Text.Json.Serialization;

namespace Hypeman;

/// <summary>Body of <c>POST /devices</c>. Schema <c>CreateDeviceRequest</c>.</summary>
public sealed class CreateDeviceRequest
{
    /// <summary>Unique device name; derived from the PCI address when null.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>PCI address, e.g. "0000:a2:00.0".</summary>
    [JsonPropertyName("pci_address")] public required string PciAddress { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
